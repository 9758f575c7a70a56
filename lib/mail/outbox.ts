import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { preparedOn } from "@/db/prepared";
import { emailAttachments, emails, type EmailStatus } from "@/db/schema";
import { wakeOutboxWorker } from "./queue/outbox-worker";
import type { MailFailure, OutgoingMessage, TransportConfig } from "./types";

export type EmailRow = typeof emails.$inferSelect;

export type SendOutcome =
  | { status: Exclude<EmailStatus, "failed">; emailId: number }
  | { status: "failed"; emailId: number; failure: MailFailure }
  | { status: "not_configured" }
  | { status: "not_found" };

/** Who sends, on whose behalf, over what; recorded with the email. */
export interface SendMeta {
  businessId: number;
  userId: number;
  /** The same key never queues twice: a repeat answers with the first email's state. */
  idempotencyKey: string;
  /** What the email is about, for the log (the core never looks inside). */
  documentId?: number;
  /** The bulk submission it belongs to. */
  batchId?: number;
  transport: TransportConfig;
}

const sender = (message: OutgoingMessage) => `${message.fromName} <${message.fromAddress}>`;

// Prepared once per connection: a batch queues hundreds in a row.
const queueStatement = (db: Db) =>
  db
    .insert(emails)
    .values({
      businessId: sql.placeholder("businessId"),
      userId: sql.placeholder("userId"),
      documentId: sql.placeholder("documentId"),
      batchId: sql.placeholder("batchId"),
      idempotencyKey: sql.placeholder("idempotencyKey"),
      protocol: sql.placeholder("protocol"),
      fromAddress: sql.placeholder("fromAddress"),
      toAddresses: sql.placeholder("toAddresses"),
      ccAddresses: sql.placeholder("ccAddresses"),
      bccAddresses: sql.placeholder("bccAddresses"),
      replyTo: sql.placeholder("replyTo"),
      subject: sql.placeholder("subject"),
      bodyText: sql.placeholder("bodyText"),
      bodyHtml: sql.placeholder("bodyHtml"),
      status: "queued",
      attempts: 0,
      nextAttemptAt: sql.placeholder("nextAttemptAt"),
    })
    .onConflictDoNothing()
    .returning({ id: emails.id })
    .prepare();

const attachmentStatement = (db: Db) =>
  db
    .insert(emailAttachments)
    .values({ emailId: sql.placeholder("emailId"), filename: sql.placeholder("filename"), contentType: sql.placeholder("contentType"), content: sql.placeholder("content"), contentId: sql.placeholder("contentId") })
    .prepare();

/** The state of an email already queued with this key, so a repeat can answer without redoing work. */
export function outcomeForKey(businessId: number, idempotencyKey: string): SendOutcome | null {
  const row = findByKey(businessId, idempotencyKey);
  return row ? outcomeOf(row) : null;
}

/**
 * The durable send: the email is recorded as "queued", with everything needed to send it, and
 * the worker is woken to send it now (lib/mail/queue). The key's unique index settles a race
 * between two identical requests: one inserts, the other answers with the first one's state.
 */
export function queueEmail(message: OutgoingMessage, meta: SendMeta): SendOutcome & { queued: boolean } {
  const db = getDb();
  const inserted = db.transaction(() => {
    const row = preparedOn(db, queueStatement).get({
      businessId: meta.businessId,
      userId: meta.userId,
      documentId: meta.documentId ?? null,
      batchId: meta.batchId ?? null,
      idempotencyKey: meta.idempotencyKey,
      protocol: meta.transport.kind,
      fromAddress: sender(message),
      toAddresses: message.to.join(", "),
      ccAddresses: message.cc.join(", "),
      bccAddresses: message.bcc.join(", "),
      replyTo: message.replyTo.join(", "),
      subject: message.subject,
      bodyText: message.text,
      bodyHtml: message.html,
      nextAttemptAt: Date.now(),
    });
    if (row) {
      for (const attachment of message.attachments) {
        preparedOn(db, attachmentStatement).run({ emailId: row.id, contentId: null, ...attachment });
      }
    }
    return row;
  });
  if (!inserted) return { ...outcomeOf(findByKey(meta.businessId, meta.idempotencyKey)!), queued: false };
  wakeOutboxWorker();
  return { status: "queued", emailId: inserted.id, queued: true };
}

function findByKey(businessId: number, key: string): EmailRow | undefined {
  return getDb()
    .select()
    .from(emails)
    .where(and(eq(emails.businessId, businessId), eq(emails.idempotencyKey, key)))
    .get();
}

function outcomeOf(row: EmailRow): SendOutcome {
  if (row.status !== "failed") return { status: row.status, emailId: row.id };
  const failure: MailFailure = row.failure ? JSON.parse(row.failure) : { stage: "message", code: "connection_lost", raw: "" };
  return { status: "failed", emailId: row.id, failure };
}
