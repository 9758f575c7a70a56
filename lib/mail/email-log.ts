import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documents, emailAttachments, emails, users } from "@/db/schema";
import type { MailFailure } from "./types";

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
};

/** The sent log, newest first; optionally one document's emails only. */
export function listEmails(businessId: number, options: { documentId?: number; limit?: number } = {}): EmailLogEntry[] {
  const where = options.documentId
    ? and(eq(emails.businessId, businessId), eq(emails.documentId, options.documentId))
    : eq(emails.businessId, businessId);
  return getDb()
    .select(entryColumns)
    .from(emails)
    .leftJoin(users, eq(users.id, emails.userId))
    .leftJoin(documents, eq(documents.id, emails.documentId))
    .where(where)
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(options.limit ?? 200)
    .all();
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
  const failure: MailFailure | null = row.email.failure ? JSON.parse(row.email.failure) : null;
  return { ...row, attachments, failure };
}
