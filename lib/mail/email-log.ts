import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { preparedOn } from "@/db/prepared";
import { documents, emailAttachments, emailAttempts, emails, emailStatuses, users, type EmailStatus } from "@/db/schema";
import { MAX_ATTEMPTS } from "./queue/retry-policy";
import type { EmailProgress } from "./queue/progress";
import type { MailAttachment, MailFailure } from "./types";

export interface EmailLogEntry {
  id: number;
  createdAt: Date;
  senderName: string | null;
  toAddresses: string;
  ccAddresses: string;
  subject: string;
  status: (typeof emails.$inferSelect)["status"];
  documentId: number | null;
  documentType: (typeof documents.$inferSelect)["type"] | null;
  documentReference: string | null;
  /** For the live status cell. */
  progress: EmailProgress;
}

const entryColumns = {
  id: emails.id,
  createdAt: emails.createdAt,
  senderName: users.name,
  toAddresses: emails.toAddresses,
  ccAddresses: emails.ccAddresses,
  subject: emails.subject,
  status: emails.status,
  documentId: emails.documentId,
  documentType: documents.type,
  documentReference: documents.reference,
  attempts: emails.attempts,
  nextAttemptAt: emails.nextAttemptAt,
  failure: emails.failure,
};

/** Emails a person has to act on: they were not sent and wait for a Retry. */
export const statusesNeedingAttention = ["failed", "interrupted"] as const satisfies readonly EmailStatus[];

/** The sent log, newest first; optionally one document's emails only, or only some statuses. */
export function listEmails(
  businessId: number,
  options: { documentId?: number; statuses?: readonly EmailStatus[]; limit?: number } = {},
): EmailLogEntry[] {
  const where = and(
    eq(emails.businessId, businessId),
    options.documentId ? eq(emails.documentId, options.documentId) : undefined,
    options.statuses ? inArray(emails.status, [...options.statuses]) : undefined,
  );
  return getDb()
    .select(entryColumns)
    .from(emails)
    .leftJoin(users, eq(users.id, emails.userId))
    .leftJoin(documents, eq(documents.id, emails.documentId))
    .where(where)
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(options.limit ?? 200)
    .all()
    .map(({ attempts, nextAttemptAt, failure, ...entry }) => ({
      ...entry,
      progress: { id: entry.id, status: entry.status, attempts, maxAttempts: MAX_ATTEMPTS, nextAttemptAt, failure: failure ? (JSON.parse(failure) as MailFailure) : null },
    }));
}

/** How many of this business's emails are in each status, in the order of an email's life; absent statuses are left out. */
export function emailCountsByStatus(businessId: number): { status: EmailStatus; count: number }[] {
  const rows = getDb()
    .select({ status: emails.status, n: count() })
    .from(emails)
    .where(eq(emails.businessId, businessId))
    .groupBy(emails.status)
    .all();
  const counts = new Map(rows.map((row) => [row.status, row.n]));
  return emailStatuses.filter((status) => counts.has(status)).map((status) => ({ status, count: counts.get(status)! }));
}

/** An email's recorded attachments as a transport takes them; inlineOnly keeps the images its HTML shows by cid. */
const attachmentsStatement = (inlineOnly: boolean) => (db: Db) => {
  const ofEmail = eq(emailAttachments.emailId, sql.placeholder("emailId"));
  return db
    .select({
      filename: emailAttachments.filename,
      contentType: emailAttachments.contentType,
      content: emailAttachments.content,
      contentId: emailAttachments.contentId,
    })
    .from(emailAttachments)
    .where(inlineOnly ? and(ofEmail, isNotNull(emailAttachments.contentId)) : ofEmail)
    .prepare();
};
const allAttachments = attachmentsStatement(false);
const inlineAttachments = attachmentsStatement(true);

export function recordedAttachments(db: Db, emailId: number, { inlineOnly = false } = {}): MailAttachment[] {
  return (
    preparedOn(db, inlineOnly ? inlineAttachments : allAttachments)
      .all({ emailId })
      // A recorded cid keeps an image (the logo) inline beside the HTML that shows it.
      .map(({ contentId, ...attachment }) => (contentId ? { ...attachment, contentId } : attachment))
  );
}

export function loadEmail(businessId: number, emailId: number) {
  const db = getDb();
  const row = db
    .select({ email: emails, senderName: users.name, documentType: documents.type, documentReference: documents.reference })
    .from(emails)
    .leftJoin(users, eq(users.id, emails.userId))
    .leftJoin(documents, eq(documents.id, emails.documentId))
    .where(and(eq(emails.id, emailId), eq(emails.businessId, businessId)))
    .get();
  if (!row) return null;
  const attachments = db
    .select({ id: emailAttachments.id, filename: emailAttachments.filename, contentType: emailAttachments.contentType })
    .from(emailAttachments)
    .where(eq(emailAttachments.emailId, emailId))
    .all();
  // The images the HTML shows by cid (the business's logo), so the log can show the email as sent.
  const inlineImages = recordedAttachments(db, emailId, { inlineOnly: true });
  const failure: MailFailure | null = row.email.failure ? JSON.parse(row.email.failure) : null;
  // Every attempt and how it ended: "retried twice, then sent".
  const attempts = db
    .select({ number: emailAttempts.number, startedAt: emailAttempts.startedAt, outcome: emailAttempts.outcome, failure: emailAttempts.failure })
    .from(emailAttempts)
    .where(eq(emailAttempts.emailId, emailId))
    .orderBy(asc(emailAttempts.number))
    .all()
    .map((a) => ({ ...a, failure: a.failure ? (JSON.parse(a.failure) as MailFailure) : null }));
  const progress: EmailProgress = { id: row.email.id, status: row.email.status, attempts: row.email.attempts, maxAttempts: MAX_ATTEMPTS, nextAttemptAt: row.email.nextAttemptAt, failure };
  return { ...row, attachments, inlineImages, failure, attempts, progress };
}
