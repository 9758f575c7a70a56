import "server-only";
import { getBusinessLogo } from "@/lib/businesses/queries";
import { translatorFor } from "@/lib/i18n/translator";
import { renderDocumentPdf } from "@/lib/pdf/document-pdf";
import { documentPdfLabels, type DocumentPdfLabels } from "@/lib/pdf/labels";
import type { Locale } from "@/lib/i18n/locale";
import type { DocumentBundle } from "./queries";
import { attachmentFilename, type DocumentType } from "./types";

/** The PDF's words in one language; "Page {page} of {pages}" keeps its tokens for the renderer. */
export function pdfLabelsFor(type: DocumentType, locale: Locale): DocumentPdfLabels {
  const t = translatorFor(locale);
  return documentPdfLabels(type, (key) => t(key, { page: "{page}", pages: "{pages}" }));
}

/** The document's PDF in the given language, with the filename it is attached and downloaded as. */
export async function documentPdf(bundle: DocumentBundle, locale: Locale): Promise<{ content: Buffer; filename: string }> {
  const { document, lines, contact, business } = bundle;
  const content = await renderDocumentPdf({
    locale,
    labels: pdfLabelsFor(document.type, locale),
    business: {
      name: business.name,
      address: business.address,
      email: business.email,
      phone: business.phone,
      taxId: business.taxId,
      currency: business.currency,
      logo: getBusinessLogo({ businessId: business.id })?.content,
    },
    contact: { name: contact.name, address: contact.address, taxId: contact.taxId },
    document: {
      type: document.type,
      reference: document.reference,
      issueDate: document.issueDate,
      dueDate: document.dueDate,
      notes: document.notes,
    },
    lines,
    createdAt: document.createdAt,
  });
  return { content, filename: attachmentFilename(document.type, document.reference) };
}
