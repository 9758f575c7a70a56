import { jsonResponse, jsonRoute } from "@/lib/auth/json-route";
import { sendDocumentEmail } from "@/lib/documents/send-email";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { outcomeForViewer } from "@/lib/mail/failure-for-viewer";
import { documentEmailSchema } from "@/lib/validation/send-email";

/**
 * The Email dialog's send as a JSON endpoint, for scripts and integrations: same session rules,
 * schema, idempotency and durable log as the dialog's server action.
 */
export const POST = jsonRoute({ role: "any", schema: documentEmailSchema }, async (input, user) => {
  const outcome = await sendDocumentEmail({
    ...input,
    businessId: user.businessId,
    userId: user.id,
    locale: await getRequestLocale(),
  });
  if (outcome.status === "not_found") return jsonResponse(404, { error: "not_found" });
  if (outcome.status === "not_configured") return jsonResponse(409, { error: "not_configured" });
  return jsonResponse(200, outcomeForViewer(outcome, user.role));
});
