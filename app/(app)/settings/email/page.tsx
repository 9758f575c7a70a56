import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { appPasswordKey } from "@/lib/guides/guides";
import { providerBySlug } from "@/lib/mail/providers";
import { emailSettingsForForm } from "@/lib/mail/settings-store";
import { EmailSettingsForm } from "./email-settings-form";

export async function generateMetadata() {
  const t = await getTranslations("emailSettings");
  return { title: t("title") };
}

export default async function EmailSettingsPage({ searchParams }: { searchParams: Promise<{ provider?: string }> }) {
  const user = await requireAdmin();
  const t = await getTranslations("emailSettings");
  const { values, savedPassword, passwordUnreadable, saved } = emailSettingsForForm(user.businessId);
  // Coming from a provider guide: its server, port and security replace what the form had.
  const { provider: slug } = await searchParams;
  const provider = typeof slug === "string" ? providerBySlug(slug) : undefined;
  const defaults = provider
    ? { ...values, protocol: "smtp" as const, smtpHost: provider.smtp.host, smtpPort: provider.smtp.port, smtpSecurity: provider.smtp.security }
    : values;
  return (
    <section aria-labelledby="email-settings-heading">
      <h2 id="email-settings-heading">{t("title")}</h2>
      <p className="hint">{t("intro")}</p>
      {!saved ? <p className="notice warn">{t("notSavedYet")}</p> : null}
      {passwordUnreadable ? <p className="notice warn">{t("passwordUnreadable")}</p> : null}
      <EmailSettingsForm defaults={defaults} savedPassword={savedPassword} fromGuide={provider ? { name: provider.name, appPassword: appPasswordKey(provider) } : undefined} />
    </section>
  );
}
