import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { appPasswordKey, guideStepPath, registrationGuideFor } from "@/lib/guides/guides";
import { isOAuthProvider, oauthProviders, oauthRedirectUri, serverWideRegistration, type OAuthProvider } from "@/lib/mail/oauth/providers";
import { providerBySlug } from "@/lib/mail/providers";
import { emailSettingsForForm, readEmailSettings } from "@/lib/mail/settings-store";
import { EmailSettingsForm } from "./email-settings-form";
import type { OAuthConnectionView } from "./oauth-connection";

/** What the form may know of each sign-in: the registration's ID, who is connected, never a token or secret. */
function connectionViews(businessId: number): Record<OAuthProvider, OAuthConnectionView> {
  const stored = readEmailSettings(businessId);
  const view = (provider: OAuthProvider): OAuthConnectionView => {
    const connection = stored.connection(provider);
    const serverWide = serverWideRegistration(provider);
    return {
      provider,
      clientId: serverWide?.clientId ?? connection?.clientId ?? "",
      tenant: connection?.tenant ?? "common",
      hasClientSecret: Boolean(connection?.hasClientSecret),
      connected: Boolean(connection?.connected),
      address: connection?.connected ? connection.address : "",
      connectedAt: connection?.connectedAt?.toISOString() ?? null,
      connectedBy: connection?.connectedBy ?? null,
      reconnectNeeded: Boolean(connection?.reconnectNeeded),
      serverWide: serverWide !== null,
      redirectUri: oauthRedirectUri(provider),
      guidePath: guideStepPath(registrationGuideFor(provider).slug, 1),
    };
  };
  return { microsoft: view("microsoft"), google: view("google") };
}

export async function generateMetadata() {
  const t = await getTranslations("emailSettings");
  return { title: t("title") };
}

export default async function EmailSettingsPage({ searchParams }: { searchParams: Promise<{ provider?: string; protocol?: string; connected?: string }> }) {
  const user = await requireAdmin();
  const t = await getTranslations("emailSettings");
  const { values, savedPassword, passwordUnreadable, saved } = emailSettingsForForm(user.businessId);
  const connections = connectionViews(user.businessId);
  // Coming from a provider guide: its server, port and security replace what the form had; a
  // provider that only signs in (Outlook.com), a registration wizard or a sign-in selects that choice.
  const { provider: slug, protocol, connected } = await searchParams;
  const provider = typeof slug === "string" ? providerBySlug(slug) : undefined;
  const signIn = typeof protocol === "string" && isOAuthProvider(protocol) ? protocol : provider?.signIn?.only ? provider.signIn.with : undefined;
  const defaults = signIn
    ? { ...values, protocol: signIn }
    : provider
      ? { ...values, protocol: "smtp" as const, smtpHost: provider.smtp.host, smtpPort: provider.smtp.port, smtpSecurity: provider.smtp.security }
      : values;
  const justConnected = signIn && connected === "1" && connections[signIn].connected ? connections[signIn] : undefined;
  return (
    <section aria-labelledby="email-settings-heading">
      <h2 id="email-settings-heading">{t("title")}</h2>
      <p className="hint">{t("intro")}</p>
      {!saved ? <p className="notice warn">{t("notSavedYet")}</p> : null}
      {passwordUnreadable ? <p className="notice warn">{t("passwordUnreadable")}</p> : null}
      {oauthProviders.filter((p) => connections[p].reconnectNeeded).map((p) => (
        <p key={p} className="notice warn">
          {t("oauth.reconnectNeeded", { provider: t(`protocols.${p}`) })}
        </p>
      ))}
      {justConnected ? (
        <p className="notice ok" role="status">
          {t("oauth.connected", { address: justConnected.address })}
        </p>
      ) : null}
      <EmailSettingsForm
        defaults={defaults}
        savedPassword={savedPassword}
        connections={connections}
        fromGuide={provider && !signIn ? { name: provider.name, appPassword: appPasswordKey(provider) } : undefined}
      />
    </section>
  );
}
