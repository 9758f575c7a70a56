import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emails } from "@/db/schema";
import { cancelEmail, retryEmailNow } from "./claims";
import { wakeOutboxWorker } from "./outbox-worker";
import { emailProgress, type EmailProgress } from "./progress";

// What a person can do to a queued email: send it now, or not at all.

/** Retry now: a retrying, failed or interrupted email goes back in the queue, due at once. Answers its state (null when not this business's). */
export function retryEmailNowFor(businessId: number, emailId: number): EmailProgress | null {
  if (retryEmailNow(getDb(), businessId, emailId, Date.now())) wakeOutboxWorker();
  return emailProgress(businessId, [emailId])[0] ?? null;
}

/** Cancel: a queued or retrying email is not sent. One already on its way cannot be called back. */
export function cancelEmailFor(businessId: number, emailId: number): EmailProgress | null {
  cancelEmail(getDb(), businessId, emailId, Date.now());
  return emailProgress(businessId, [emailId])[0] ?? null;
}

/** Retry failed: every failed or interrupted email of a batch goes back in the queue. Answers how many. */
export function retryFailedInBatch(businessId: number, batchId: number): number {
  const db = getDb();
  const now = Date.now();
  const failed = db
    .select({ id: emails.id })
    .from(emails)
    .where(and(eq(emails.batchId, batchId), eq(emails.businessId, businessId), inArray(emails.status, ["failed", "interrupted"])))
    .all();
  const retried = failed.filter(({ id }) => retryEmailNow(db, businessId, id, now)).length;
  if (retried) wakeOutboxWorker();
  return retried;
}
