import "server-only";
import { renderEmailBody } from "@/lib/documents/email-template";
import { translatorFor } from "@/lib/i18n/translator";
import { composeOutgoing } from "@/lib/mail/compose";
import { loadMailSetup } from "@/lib/mail/setup";
import { createTransport } from "@/lib/mail/transport";
import type { Locale } from "@/lib/i18n/locale";

/**
 * Emails a reset link through the business's own mail settings, the same way documents go out.
 * "not_configured" when the settings are incomplete; the link itself never reaches a log.
 */
export async function sendPasswordResetEmail(
  businessId: number,
  to: string,
  link: string,
  locale: Locale,
): Promise<"sent" | "failed" | "not_configured"> {
  const setup = loadMailSetup(businessId);
  if (!setup) return "not_configured";
  const t = translatorFor(locale);
  const body = renderEmailBody(t("resetPassword.emailBody", { business: setup.businessName, link }), { lang: locale });
  const message = composeOutgoing(setup, { to: [to], subject: t("resetPassword.emailSubject", { business: setup.businessName }), ...body });
  const result = await createTransport(setup.config).send(message);
  return result.ok ? "sent" : "failed";
}
