import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailAttachments, emails } from "@/db/schema";
import { addressList, composeOutgoing } from "./compose";
import { loadMailSetup } from "./setup";
import { createTransport } from "./transport";
import type { MailFailure, OutgoingMessage, TransportConfig } from "./types";

export type EmailRow = typeof emails.$inferSelect;

export type SendOutcome =
  | { status: "sent"; emailId: number }
  | { status: "failed"; emailId: number; failure: MailFailure }
  | { status: "sending"; emailId: number }
  | { status: "not_configured" }
  | { status: "not_found" };

/** Who sends, on whose behalf, over what; recorded with the email. */
export interface SendMeta {
  businessId: number;
  userId: number;
  /** The same key never sends twice: a repeat answers with the first attempt's state. */
  idempotencyKey: string;
  /** What the email is about, for the log (the core never looks inside). */
  documentId?: number;
  transport: TransportConfig;
}

const sender = (message: OutgoingMessage) => `${message.fromName} <${message.fromAddress}>`;

/** Sends over the given transport and records the ending; the row must already say "sending". */
async function deliver(emailId: number, transport: TransportConfig, message: OutgoingMessage): Promise<SendOutcome> {
  const db = getDb();
  const result = await createTransport(transport)
    .send(message)
    .catch((): { ok: false; failure: MailFailure } => ({ ok: false, failure: { stage: "message", code: "unknown", raw: "" } }));
  const now = new Date();
  if (result.ok) {
    db.update(emails)
      .set({ status: "sent", messageId: result.messageId, failure: null, updatedAt: now, sentAt: now })
      .where(eq(emails.id, emailId))
      .run();
    return { status: "sent", emailId };
  }
  db.update(emails)
    .set({ status: "failed", failure: JSON.stringify(result.failure), updatedAt: now })
    .where(eq(emails.id, emailId))
    .run();
  return { status: "failed", emailId, failure: result.failure };
}

/** The state of an email already sent (or being sent) with this key, so a repeat can answer without redoing work. */
export function outcomeForKey(businessId: number, idempotencyKey: string): SendOutcome | null {
  const row = findByKey(businessId, idempotencyKey);
  return row ? outcomeOf(row) : null;
}

/**
 * The durable send: the email is recorded as "sending" (with everything needed to send it again)
 * before it leaves, then sent, then recorded "sent" or "failed". The same idempotency key never
 * sends twice.
 */
export async function recordAndSend(message: OutgoingMessage, meta: SendMeta): Promise<SendOutcome> {
  const db = getDb();
  // The key's unique index settles a race between two identical requests: one inserts, one reads.
  const inserted = db.transaction((tx) => {
    const row = tx
      .insert(emails)
      .values({
        businessId: meta.businessId,
        userId: meta.userId,
        documentId: meta.documentId,
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
        status: "sending",
      })
      .onConflictDoNothing()
      .returning({ id: emails.id })
      .get();
    if (row && message.attachments.length) {
      tx.insert(emailAttachments)
        .values(message.attachments.map((attachment) => ({ emailId: row.id, ...attachment })))
        .run();
    }
    return row;
  });
  if (!inserted) return outcomeOf(findByKey(meta.businessId, meta.idempotencyKey)!);
  return deliver(inserted.id, meta.transport, message);
}

/**
 * Sends a failed or interrupted email again, exactly as recorded, with the current settings
 * (so fixing the settings and retrying works). Only one retry of an email can run at a time.
 */
export async function retryEmail(businessId: number, emailId: number): Promise<SendOutcome> {
  const db = getDb();
  const setup = loadMailSetup(businessId);
  if (!setup) return { status: "not_configured" };
  const claimed = db
    .update(emails)
    .set({ status: "sending", attempts: sql`${emails.attempts} + 1`, failure: null, updatedAt: new Date() })
    .where(and(eq(emails.id, emailId), eq(emails.businessId, businessId), inArray(emails.status, ["failed", "interrupted"])))
    .returning()
    .get();
  if (!claimed) {
    const row = db.select().from(emails).where(and(eq(emails.id, emailId), eq(emails.businessId, businessId))).get();
    return row ? outcomeOf(row) : { status: "not_found" };
  }
  const attachments = db
    .select({ filename: emailAttachments.filename, contentType: emailAttachments.contentType, content: emailAttachments.content })
    .from(emailAttachments)
    .where(eq(emailAttachments.emailId, emailId))
    .all();
  const message = composeOutgoing(setup, {
    to: addressList(claimed.toAddresses),
    cc: addressList(claimed.ccAddresses),
    subject: claimed.subject,
    text: claimed.bodyText,
    html: claimed.bodyHtml,
    attachments,
  });
  db.update(emails)
    .set({
      protocol: setup.config.kind,
      fromAddress: sender(message),
      bccAddresses: message.bcc.join(", "),
      replyTo: message.replyTo.join(", "),
    })
    .where(eq(emails.id, emailId))
    .run();
  return deliver(emailId, setup.config, message);
}

/**
 * At start-up, nothing can still be in flight: an email left "sending" was cut off by a crash
 * or restart. It may or may not have left, so it is marked interrupted for a person to retry.
 */
export function markInterruptedEmails(): number {
  return getDb()
    .update(emails)
    .set({ status: "interrupted", updatedAt: new Date() })
    .where(eq(emails.status, "sending"))
    .run().changes;
}

function findByKey(businessId: number, key: string): EmailRow | undefined {
  return getDb()
    .select()
    .from(emails)
    .where(and(eq(emails.businessId, businessId), eq(emails.idempotencyKey, key)))
    .get();
}

function outcomeOf(row: EmailRow): SendOutcome {
  if (row.status === "sent") return { status: "sent", emailId: row.id };
  if (row.status === "sending") return { status: "sending", emailId: row.id };
  const failure: MailFailure = row.failure ? JSON.parse(row.failure) : { stage: "message", code: "connection_lost", raw: "" };
  return { status: "failed", emailId: row.id, failure };
}
