import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailBatches, emails, type EmailStatus } from "@/db/schema";
import type { MailFailure } from "../types";
import { MAX_ATTEMPTS } from "./retry-policy";

/** Where one email stands, for the live status on the document page, the Emails page and the dialog. */
export interface EmailProgress {
  id: number;
  status: EmailStatus;
  attempts: number;
  maxAttempts: number;
  /** When a retrying email is tried next (ms). */
  nextAttemptAt: number | null;
  failure: MailFailure | null;
}

const readFailure = (json: string | null): MailFailure | null => (json ? (JSON.parse(json) as MailFailure) : null);

/** The listed emails of this business (others are left out silently). */
export function emailProgress(businessId: number, ids: number[]): EmailProgress[] {
  if (!ids.length) return [];
  return getDb()
    .select({ id: emails.id, status: emails.status, attempts: emails.attempts, nextAttemptAt: emails.nextAttemptAt, failure: emails.failure })
    .from(emails)
    .where(and(eq(emails.businessId, businessId), inArray(emails.id, ids)))
    .all()
    .map((row) => ({ ...row, maxAttempts: MAX_ATTEMPTS, failure: readFailure(row.failure) }));
}

export interface SkippedDocument {
  documentId: number;
  reference: string;
  contactName: string;
}

export interface BatchProgress {
  id: number;
  createdAt: Date;
  documentType: (typeof emailBatches.$inferSelect)["documentType"];
  total: number;
  counts: Record<EmailStatus, number>;
  skipped: SkippedDocument[];
  /** Emails that failed, were interrupted or are waiting to retry, with why. */
  problems: (EmailProgress & { subject: string; toAddresses: string })[];
}

const noCounts = (): Record<EmailStatus, number> => ({ queued: 0, sending: 0, sent: 0, retrying: 0, failed: 0, interrupted: 0, cancelled: 0 });

/** A batch's progress ("37 of 120 sent · 2 retrying · 1 failed"), read afresh from the emails each time. */
export function batchProgress(businessId: number, batchId: number): BatchProgress | null {
  const db = getDb();
  const batch = db
    .select()
    .from(emailBatches)
    .where(and(eq(emailBatches.id, batchId), eq(emailBatches.businessId, businessId)))
    .get();
  if (!batch) return null;
  const counts = noCounts();
  for (const row of db
    .select({ status: emails.status, n: sql<number>`count(*)` })
    .from(emails)
    .where(eq(emails.batchId, batchId))
    .groupBy(emails.status)
    .all()) {
    counts[row.status] = row.n;
  }
  const problems = db
    .select({ id: emails.id, status: emails.status, subject: emails.subject, toAddresses: emails.toAddresses, nextAttemptAt: emails.nextAttemptAt, attempts: emails.attempts, failure: emails.failure })
    .from(emails)
    .where(and(eq(emails.batchId, batchId), inArray(emails.status, ["failed", "interrupted", "retrying"])))
    .orderBy(asc(emails.id))
    .all()
    .map((row) => ({ ...row, maxAttempts: MAX_ATTEMPTS, failure: readFailure(row.failure) }));
  return {
    id: batch.id,
    createdAt: batch.createdAt,
    documentType: batch.documentType,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
    skipped: JSON.parse(batch.skipped) as SkippedDocument[],
    problems,
  };
}
