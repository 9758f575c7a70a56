import "server-only";
import { getBusinessLogo, type BusinessLogo } from "@/lib/businesses/queries";
import { addressList, composeOutgoing, type MailContent } from "@/lib/mail/compose";
import { outcomeForKey, queueEmail, type SendOutcome } from "@/lib/mail/outbox";
import { loadMailSetup } from "@/lib/mail/setup";
import type { Locale } from "@/lib/i18n/locale";
import { documentEmailContent } from "./email-content";
import { documentPdf } from "./pdf-file";
import { loadDocumentBundle, type DocumentBundle } from "./queries";

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
 * What a document email carries whoever sends it (one document or a batch): subject, HTML and
 * text, the PDF attached and the inline images its HTML shows (the logo, read once here or once per batch).
 */
export async function documentMailContent(
  bundle: DocumentBundle,
  content: { subject: string; message: string },
  locale: Locale,
  logo: BusinessLogo | null = getBusinessLogo({ businessId: bundle.business.id }),
): Promise<Omit<MailContent, "to" | "cc">> {
  const { inline, ...rendered } = await documentEmailContent(bundle, content, locale, logo);
  const pdf = await documentPdf(bundle, locale, logo);
  return { ...rendered, attachments: [{ filename: pdf.filename, contentType: "application/pdf", content: pdf.content }, ...inline] };
}

/**
 * Emails a document with its PDF attached: the content and the PDF are built here, then the mail
 * core queues it for the worker. A repeated idempotency key answers with the first email's state.
 */
export async function sendDocumentEmail(request: DocumentEmailRequest): Promise<SendOutcome> {
  const earlier = outcomeForKey(request.businessId, request.idempotencyKey);
  if (earlier) return earlier;

  const bundle = loadDocumentBundle(request.businessId, request.documentId);
  if (!bundle) return { status: "not_found" };
  const setup = loadMailSetup(request.businessId);
  if (!setup) return { status: "not_configured" };

  const message = composeOutgoing(setup, {
    to: addressList(request.to),
    cc: addressList(request.cc),
    ...(await documentMailContent(bundle, request, request.locale)),
  });
  const { queued: _queued, ...outcome } = queueEmail(message, {
    businessId: request.businessId,
    userId: request.userId,
    idempotencyKey: request.idempotencyKey,
    documentId: request.documentId,
    transport: setup.config,
  });
  return outcome;
}
