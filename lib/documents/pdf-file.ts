import "server-only";
import { getBusinessLogo, type BusinessLogo } from "@/lib/businesses/queries";
import { translatorFor } from "@/lib/i18n/translator";
import { renderDocumentPdf } from "@/lib/pdf/document-pdf";
import { documentPdfLabels, type DocumentPdfLabels } from "@/lib/pdf/labels";
import type { Locale } from "@/lib/i18n/locale";
import type { DocumentBundle } from "./queries";
import { attachmentFilename, type DocumentType } from "./types";

// The catalogs do not change while the app runs: each type's labels are translated once per language.
const labelsByTypeAndLocale = new Map<string, DocumentPdfLabels>();

/** The PDF's words in one language; "Page {page} of {pages}" keeps its tokens for the renderer. */
export function pdfLabelsFor(type: DocumentType, locale: Locale): DocumentPdfLabels {
  const key = `${type}:${locale}`;
  let labels = labelsByTypeAndLocale.get(key);
  if (!labels) {
    const t = translatorFor(locale);
    labels = documentPdfLabels(type, (key) => t(key, { page: "{page}", pages: "{pages}" }));
    labelsByTypeAndLocale.set(key, labels);
  }
  return labels;
}

/** The document's PDF in the given language, with the filename it is attached and downloaded as; a batch passes the logo it read once. */
export async function documentPdf(
  bundle: DocumentBundle,
  locale: Locale,
  logo: BusinessLogo | null = getBusinessLogo({ businessId: bundle.business.id }),
): Promise<{ content: Buffer; filename: string }> {
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
      logo: logo?.content,
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
