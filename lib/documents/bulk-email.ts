import "server-only";
import { setImmediate as nextTurn } from "node:timers/promises";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailBatches } from "@/db/schema";
import { getBusinessLogo } from "@/lib/businesses/queries";
import { addressList, composeOutgoing, htmlWithInlineImages } from "@/lib/mail/compose";
import { queueEmail } from "@/lib/mail/outbox";
import type { SkippedDocument } from "@/lib/mail/queue/progress";
import { loadMailSetup } from "@/lib/mail/setup";
import type { Locale } from "@/lib/i18n/locale";
import { documentEmailContent, emailTemplateFor } from "./email-content";
import { listSelectedDocuments, loadDocumentBundle, type SelectedDocument } from "./queries";
import { documentMailContent } from "./send-email";
import type { DocumentType } from "./types";

/**
 * Rendering a PDF holds the event loop for milliseconds, and nodemailer builds each message over a
 * dozen turns of it (one per MIME part), plus one per SMTP reply. Between documents the loop turns
 * this many times (well under a millisecond when nothing waits), so requests get answered and the
 * worker sends what is already queued while the rest renders, not after it: a batch goes out
 * sooner and its PDFs do not pile up in memory.
 */
const TURNS_BETWEEN_DOCUMENTS = 16;

const hasAddress = (selected: SelectedDocument) => Boolean(selected.to.trim());
const skippedOf = ({ documentId, reference, contactName }: SelectedDocument): SkippedDocument => ({ documentId, reference, contactName });

export interface BatchDraft {
  /** Documents that will get an email, with their contact's addresses. */
  sendable: SelectedDocument[];
  /** Documents whose contact has no email address: left out, by name. */
  skipped: SkippedDocument[];
  /** The type's template, placeholders and all: filled per document when sent. */
  subject: string;
  message: string;
  /** The first email as it will go out. */
  preview: { to: string; subject: string; html: string } | null;
}

/** What the Email selected dialog shows before anything is queued. */
export async function draftDocumentBatch(businessId: number, locale: Locale, type: DocumentType, documentIds: number[]): Promise<BatchDraft> {
  const selected = listSelectedDocuments(businessId, type, documentIds);
  const sendable = selected.filter(hasAddress);
  const template = emailTemplateFor(businessId, type, locale);
  const first = sendable[0] && loadDocumentBundle(businessId, sendable[0].documentId);
  const preview = first ? { to: first.contact.emails, ...(await documentEmailContent(first, { subject: template.subject, message: template.body }, locale)) } : null;
  return {
    sendable,
    skipped: selected.filter((s) => !hasAddress(s)).map(skippedOf),
    subject: template.subject,
    message: template.body,
    preview: preview ? { to: preview.to, subject: preview.subject, html: htmlWithInlineImages(preview.html, preview.inline) } : null,
  };
}

export interface DocumentBatchRequest {
  businessId: number;
  userId: number;
  locale: Locale;
  documentType: DocumentType;
  documentIds: number[];
  subject: string;
  message: string;
  /** Made by the browser when the dialog opens: resubmitting the batch queues nothing new. */
  idempotencyKey: string;
}

export type DocumentBatchOutcome = { ok: true; batchId: number; queued: number; skipped: number } | { ok: false; error: "not_configured" | "nothing_to_send" };

/**
 * Queues one email per selected document, each with its own PDF and its own contact's addresses,
 * as one batch. Each email's key derives from the batch's, so a resubmission (or a retry after a
 * crash half-way) queues only what is missing, and nothing twice.
 */
export async function queueDocumentBatch(request: DocumentBatchRequest): Promise<DocumentBatchOutcome> {
  const setup = loadMailSetup(request.businessId);
  if (!setup) return { ok: false, error: "not_configured" };
  const selected = listSelectedDocuments(request.businessId, request.documentType, request.documentIds);
  const sendable = selected.filter(hasAddress);
  if (!sendable.length) return { ok: false, error: "nothing_to_send" };
  const skipped = selected.filter((s) => !hasAddress(s)).map(skippedOf);

  const db = getDb();
  db.insert(emailBatches)
    .values({ businessId: request.businessId, userId: request.userId, idempotencyKey: request.idempotencyKey, documentType: request.documentType, skipped: JSON.stringify(skipped) })
    .onConflictDoNothing()
    .run();
  const batch = db
    .select({ id: emailBatches.id })
    .from(emailBatches)
    .where(and(eq(emailBatches.businessId, request.businessId), eq(emailBatches.idempotencyKey, request.idempotencyKey)))
    .get()!;

  const logo = getBusinessLogo({ businessId: request.businessId });
  let queued = 0;
  for (const { documentId } of sendable) {
    for (let turn = 0; turn < TURNS_BETWEEN_DOCUMENTS; turn++) await nextTurn();
    // One document in memory at a time; one deleted since it was selected is left out.
    const bundle = loadDocumentBundle(request.businessId, documentId);
    if (!bundle) continue;
    const message = composeOutgoing(setup, {
      to: addressList(bundle.contact.emails),
      ...(await documentMailContent(bundle, request, request.locale, logo)),
    });
    const outcome = queueEmail(message, {
      businessId: request.businessId,
      userId: request.userId,
      idempotencyKey: `${request.idempotencyKey}:${bundle.document.id}`,
      documentId: bundle.document.id,
      batchId: batch.id,
      transport: setup.config,
    });
    if (outcome.queued) queued++;
  }
  return { ok: true, batchId: batch.id, queued, skipped: skipped.length };
}
