import { getLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { isJsonRequest, sameOrigin } from "@/lib/auth/same-origin";
import { isLocale } from "@/lib/i18n/locale";
import { sendDocumentEmail } from "@/lib/documents/send-email";
import { fieldErrorsOf } from "@/lib/validation/action-result";
import { documentEmailSchema } from "@/lib/validation/send-email";

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * The Email dialog's send as a JSON endpoint, for scripts and integrations: same session rules,
 * schema, idempotency and durable log as the dialog's server action.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return json(401, { error: "unauthorized" });
  if (!sameOrigin(request)) return json(403, { error: "forbidden" });
  if (!isJsonRequest(request)) return json(415, { error: "invalid" });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json(400, { error: "invalid" });
  }
  const input = body && typeof body === "object" ? { ...body, documentId: (await params).id } : body;
  const parsed = documentEmailSchema.safeParse(input);
  if (!parsed.success) return json(400, { error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) });
  const locale = await getLocale();
  const outcome = await sendDocumentEmail({
    ...parsed.data,
    businessId: user.businessId,
    userId: user.id,
    locale: isLocale(locale) ? locale : "en",
  });
  if (outcome.status === "not_found") return json(404, { error: "not_found" });
  if (outcome.status === "not_configured") return json(409, { error: "not_configured" });
  return json(200, outcome);
}
