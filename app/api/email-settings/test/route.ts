import { getTranslations } from "next-intl/server";
import { configSummary, recordActivity } from "@/lib/activity/log";
import { clientIp } from "@/lib/auth/client-ip";
import { jsonResponse, jsonRoute } from "@/lib/auth/json-route";
import { blockedDestinationErrors } from "@/lib/net/destination-check";
import { renderEmailBody } from "@/lib/documents/email-template";
import { diagnose } from "@/lib/mail/diagnose";
import { emailSettingsSchemaContext, readEmailSettings } from "@/lib/mail/settings-store";
import { mailSetupFromForm } from "@/lib/mail/setup";
import { emailSettingsSchema } from "@/lib/validation/email-settings";

// One read of the stored settings (the saved password opened once) serves the schema and the setup.
const unsavedSetupSchema = (user: { businessId: number }) => {
  const stored = readEmailSettings(user.businessId);
  return emailSettingsSchema(emailSettingsSchemaContext(stored)).transform((values) => mailSetupFromForm(stored, values));
};

/**
 * Tests the unsaved email settings form by sending a short message, streaming each stage's
 * result as one JSON line so the form can show progress live. Admins only.
 */
export const POST = jsonRoute({ role: "admin", schema: unsavedSetupSchema }, async (setup, user, request) => {
  const blocked = await blockedDestinationErrors(setup.config);
  if (blocked) return jsonResponse(400, { error: "invalid", fieldErrors: blocked });
  recordActivity({ businessId: user.businessId, kind: "email_settings_tested", actor: user, subject: configSummary(setup.config), ipAddress: clientIp(request.headers) });
  const t = await getTranslations("emailSettings.test");
  const events = diagnose(setup, { subject: t("subject"), ...renderEmailBody(t("body", { business: setup.businessName })) });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await events.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(JSON.stringify(value) + "\n"));
    },
    // The browser may leave mid-test (closed tab); the send still ends within its own bound.
    async cancel() {
      await events.return(undefined);
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" },
  });
});
