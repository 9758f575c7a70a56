import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DiagnosisReport } from "@/app/_components/diagnosis-report";
import { configSummary, recordActivity } from "@/lib/activity/log";
import { requestIp } from "@/lib/auth/request-ip";
import { requireAdmin } from "@/lib/auth/session";
import { classifyProviderError } from "@/lib/mail/explain-oauth";
import { isOAuthProvider, oauthEndpoints, oauthRedirectUri } from "@/lib/mail/oauth/providers";
import { completeSignIn } from "@/lib/mail/oauth/sign-in";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : null);

export async function generateMetadata() {
  const t = await getTranslations("emailSettings");
  return { title: t("title") };
}

/**
 * Where Microsoft or Google send the admin back after signing in. Only the admin who started the
 * sign-in, within 10 minutes, completes it; anything else is refused here and changes nothing.
 */
export default async function OAuthCallbackPage({ params, searchParams }: { params: Promise<{ provider: string }>; searchParams: SearchParams }) {
  const user = await requireAdmin();
  const { provider } = await params;
  if (!isOAuthProvider(provider)) notFound();
  const query = await searchParams;
  const result = await completeSignIn({
    businessId: user.businessId,
    userId: user.id,
    provider,
    state: one(query.state),
    code: one(query.code),
    error: one(query.error),
    errorDescription: one(query.error_description),
  });
  if (result.ok) {
    const subject = configSummary({ kind: provider, address: result.address });
    recordActivity({ businessId: user.businessId, kind: "email_connected", actor: user, subject, ipAddress: await requestIp() });
    redirect(`/settings/email?protocol=${provider}&connected=1`);
  }

  const t = await getTranslations("emailSettings");
  const name = t(`protocols.${provider}`);
  const failure =
    result.reason === "provider"
      ? classifyProviderError(result.error, { provider, stage: "token", redirectUri: oauthRedirectUri(provider), url: oauthEndpoints(provider).apiUrl })
      : null;
  return (
    <section aria-labelledby="oauth-callback-heading" className="card">
      <h1 id="oauth-callback-heading">{t("oauth.callback.title", { provider: name })}</h1>
      <div role="alert" className="notice error">
        {failure ? <DiagnosisReport failure={failure} /> : <p>{t(result.reason === "state_expired" ? "oauth.callback.stateExpired" : "oauth.callback.stateInvalid")}</p>}
      </div>
      <p>{t("oauth.callback.tryAgain")}</p>
      <p>
        <Link className="button" href={`/settings/email?protocol=${provider}`}>
          {t("oauth.callback.back")}
        </Link>
      </p>
    </section>
  );
}
