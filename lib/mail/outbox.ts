import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailAttachments, emails } from "@/db/schema";
import { documentEmailContent } from "@/lib/documents/email-content";
import { documentPdf } from "@/lib/documents/pdf-file";
import { loadDocumentBundle } from "@/lib/documents/queries";
import type { Locale } from "@/lib/validation/auth";
import { parseAddressList } from "@/lib/validation/addresses";
import { composeOutgoing, loadMailSetup, type MailSetup } from "./settings";
import { createTransport } from "./transport";
import type { MailFailure, OutgoingMessage } from "./types";

export type EmailRow = typeof emails.$inferSelect;

export type SendOutcome =
  | { status: "sent"; emailId: number }
  | { status: "failed"; emailId: number; failure: MailFailure }
  | { status: "sending"; emailId: number }
  | { status: "not_configured" }
  | { status: "not_found" };

const list = (value: string) => {
  const parsed = parseAddressList(value);
  return parsed.ok ? parsed.addresses : [];
};

/** Sends over the configured transport and records the ending; the row must already say "sending". */
async function deliver(emailId: number, setup: MailSetup, message: OutgoingMessage): Promise<SendOutcome> {
  const db = getDb();
  const result = await createTransport(setup.config)
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

export interface DocumentEmailRequest {
  businessId: number;
  userId: number;
  locale: Locale;
  documentId: number;
  to: string;
  cc: string;
  subject: string;
  message: string;
  idempotencyKey: string;
}

/**
 * Emails a document as a PDF attachment. The email is recorded as "sending" (with everything
 * needed to send it again) before it leaves, and ends "sent" or "failed". The same idempotency
 * key never sends twice: a repeat answers with the first attempt's state.
 */
export async function sendDocumentEmail(request: DocumentEmailRequest): Promise<SendOutcome> {
  const db = getDb();
  const existing = findByKey(request.businessId, request.idempotencyKey);
  if (existing) return outcomeOf(existing);

  const bundle = loadDocumentBundle(request.businessId, request.documentId);
  if (!bundle) return { status: "not_found" };
  const setup = loadMailSetup(request.businessId);
  if (!setup) return { status: "not_configured" };

  const { subject, ...body } = await documentEmailContent(bundle, request, request.locale);
  const pdf = await documentPdf(bundle, request.locale);
  const message = composeOutgoing(setup, {
    to: list(request.to),
    cc: list(request.cc),
    subject,
    ...body,
    attachments: [{ filename: pdf.filename, contentType: "application/pdf", content: pdf.content }],
  });

  // The key's unique index settles a race between two identical requests: one inserts, one reads.
  const inserted = db.transaction((tx) => {
    const row = tx
      .insert(emails)
      .values({
        businessId: request.businessId,
        userId: request.userId,
        documentId: request.documentId,
        idempotencyKey: request.idempotencyKey,
        protocol: setup.config.kind,
        fromAddress: `${setup.businessName} <${setup.sender}>`,
        toAddresses: message.to.join(", "),
        ccAddresses: message.cc.join(", "),
        bccAddresses: message.bcc.join(", "),
        replyTo: message.replyTo.join(", "),
        subject,
        bodyText: body.text,
        bodyHtml: body.html,
        status: "sending",
      })
      .onConflictDoNothing()
      .returning({ id: emails.id })
      .get();
    if (row) {
      tx.insert(emailAttachments).values({ emailId: row.id, filename: pdf.filename, contentType: "application/pdf", content: pdf.content }).run();
    }
    return row;
  });
  if (!inserted) return outcomeOf(findByKey(request.businessId, request.idempotencyKey)!);
  return deliver(inserted.id, setup, message);
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
    to: list(claimed.toAddresses),
    cc: list(claimed.ccAddresses),
    subject: claimed.subject,
    text: claimed.bodyText,
    html: claimed.bodyHtml,
    attachments,
  });
  db.update(emails)
    .set({
      protocol: setup.config.kind,
      fromAddress: `${setup.businessName} <${setup.sender}>`,
      bccAddresses: message.bcc.join(", "),
      replyTo: message.replyTo.join(", "),
    })
    .where(eq(emails.id, emailId))
    .run();
  return deliver(emailId, setup, message);
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
