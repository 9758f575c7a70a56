"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/auth/action";
import { draftDocumentBatch, queueDocumentBatch } from "@/lib/documents/bulk-email";
import { getLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/locale";
import { retryFailedInBatch } from "@/lib/mail/queue/manage";
import { batchIdSchema, documentBatchDraftSchema, documentBatchSchema } from "@/lib/validation/bulk-email";

async function userLocale() {
  const locale = await getLocale();
  return isLocale(locale) ? locale : "en";
}

// Staff and admins may email documents in bulk, as they may one by one; the business and user come from the session only.

export const draftDocumentBatchAction = userAction(documentBatchDraftSchema, async ({ documentType, documentIds }, user) => ({
  ok: true,
  data: await draftDocumentBatch(user.businessId, await userLocale(), documentType, documentIds),
}));

export const queueDocumentBatchAction = userAction(documentBatchSchema, async (input, user) => {
  const outcome = await queueDocumentBatch({ ...input, businessId: user.businessId, userId: user.id, locale: await userLocale() });
  revalidatePath("/", "layout");
  if (!outcome.ok) return { ok: false, error: "failed", message: outcome.error === "not_configured" ? "documentEmail.notConfigured" : "bulkEmail.nothingToSend" };
  return { ok: true, data: { batchId: outcome.batchId } };
});

export const retryFailedBatchAction = userAction(batchIdSchema, async ({ batchId }, user) => {
  const retried = retryFailedInBatch(user.businessId, batchId);
  revalidatePath(`/emails/batches/${batchId}`);
  return { ok: true, data: { retried } };
});
