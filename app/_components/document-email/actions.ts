"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/auth/action";
import type { UserRole } from "@/lib/auth/roles";
import { outcomeForViewer } from "@/lib/mail/failure-for-viewer";
import { documentEmailContent } from "@/lib/documents/email-content";
import { loadDocumentBundle } from "@/lib/documents/queries";
import { sendDocumentEmail } from "@/lib/documents/send-email";
import { htmlWithInlineImages } from "@/lib/mail/compose";
import type { SendOutcome } from "@/lib/mail/outbox";
import { cancelEmailFor, retryEmailNowFor } from "@/lib/mail/queue/manage";
import type { ActionResult } from "@/lib/validation/action-result";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { documentEmailSchema, emailIdSchema, emailPreviewSchema } from "@/lib/validation/send-email";

type Delivery = Exclude<SendOutcome, { status: "not_configured" } | { status: "not_found" }>;

function answer(outcome: SendOutcome, role: UserRole): ActionResult<Delivery> {
  revalidatePath("/", "layout");
  if (outcome.status === "not_configured") return { ok: false, error: "failed", message: "documentEmail.notConfigured" };
  if (outcome.status === "not_found") return { ok: false, error: "not_found" };
  return { ok: true, data: outcomeForViewer(outcome, role) };
}

/** Staff and admins may email documents; the business and user come from the session only. */
export const sendDocumentEmailAction = userAction(documentEmailSchema, async (input, user) => {
  const outcome = await sendDocumentEmail({ ...input, businessId: user.businessId, userId: user.id, locale: await getRequestLocale() });
  return answer(outcome, user.role);
});

export const previewEmailAction = userAction(emailPreviewSchema, async ({ documentId, message }, user) => {
  const bundle = loadDocumentBundle(user.businessId, documentId);
  if (!bundle) return { ok: false, error: "not_found" };
  const content = await documentEmailContent(bundle, { subject: "", message }, await getRequestLocale());
  return { ok: true, data: htmlWithInlineImages(content.html, content.inline) };
});

export const retryEmailNowAction = userAction(emailIdSchema, async ({ emailId }, user) => {
  const progress = retryEmailNowFor(user.businessId, emailId);
  revalidatePath("/", "layout");
  return progress ? { ok: true, data: outcomeForViewer(progress, user.role) } : { ok: false, error: "not_found" };
});

export const cancelEmailAction = userAction(emailIdSchema, async ({ emailId }, user) => {
  const progress = cancelEmailFor(user.businessId, emailId);
  revalidatePath("/", "layout");
  return progress ? { ok: true, data: outcomeForViewer(progress, user.role) } : { ok: false, error: "not_found" };
});
