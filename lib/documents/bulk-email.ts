import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailBatches } from "@/db/schema";
import { addressList, composeOutgoing, htmlWithInlineImages } from "@/lib/mail/compose";
import { queueEmail } from "@/lib/mail/outbox";
import type { SkippedDocument } from "@/lib/mail/queue/progress";
import { loadMailSetup } from "@/lib/mail/setup";
import type { Locale } from "@/lib/i18n/locale";
import { documentEmailContent, emailTemplateFor } from "./email-content";
import { loadDocumentBundle, type DocumentBundle } from "./queries";
import { documentMailContent } from "./send-email";
import type { DocumentType } from "./types";

/** The selected documents of one type that are this business's, in the order selected. */
function selectedBundles(businessId: number, type: DocumentType, documentIds: number[]): DocumentBundle[] {
  return [...new Set(documentIds)]
    .map((id) => loadDocumentBundle(businessId, id))
    .filter((bundle): bundle is DocumentBundle => bundle !== null && bundle.document.type === type);
}

const skippedOf = (bundle: DocumentBundle): SkippedDocument => ({ documentId: bundle.document.id, reference: bundle.document.reference, contactName: bundle.contact.name });

export interface BatchDraft {
  /** Documents that will get an email, with their contact's addresses. */
  sendable: { documentId: number; reference: string; contactName: string; to: string }[];
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
  const bundles = selectedBundles(businessId, type, documentIds);
  const sendable = bundles.filter((b) => b.contact.emails.trim());
  const template = emailTemplateFor(businessId, type, locale);
  const first = sendable[0];
  const preview = first ? { to: first.contact.emails, ...(await documentEmailContent(first, { subject: template.subject, message: template.body }, locale)) } : null;
  return {
    sendable: sendable.map((b) => ({ documentId: b.document.id, reference: b.document.reference, contactName: b.contact.name, to: b.contact.emails })),
    skipped: bundles.filter((b) => !b.contact.emails.trim()).map(skippedOf),
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
  const bundles = selectedBundles(request.businessId, request.documentType, request.documentIds);
  const sendable = bundles.filter((b) => b.contact.emails.trim());
  if (!sendable.length) return { ok: false, error: "nothing_to_send" };
  const skipped = bundles.filter((b) => !b.contact.emails.trim()).map(skippedOf);

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

  let queued = 0;
  for (const bundle of sendable) {
    const message = composeOutgoing(setup, {
      to: addressList(bundle.contact.emails),
      ...(await documentMailContent(bundle, request, request.locale)),
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
