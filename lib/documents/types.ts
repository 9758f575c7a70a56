import type { ContactKind, DocumentType } from "@/db/enums";
import { documentTypes } from "@/db/enums";

export { documentTypes, type DocumentType } from "@/db/enums";

/** How a document type is labelled and numbered. Pure data: safe in client components. */
export interface DocumentTypeInfo {
  slug: DocumentType;
  contactKind: ContactKind;
  /** Reference prefix, including the dash: "INV-". */
  prefix: string;
  /**
   * Whether the form shows a second date. Quotes reuse `documents.due_date` as "Valid until";
   * credit notes (they settle an invoice) and purchase orders (the supplier's invoice carries the
   * terms) have none, and their saved due date is always null.
   */
  hasDueDate: boolean;
  /** English name used in attachment filenames, whatever the UI language: "Sales Invoice". */
  fileName: string;
  messages: {
    /** "Sales invoice" / "Factura de venta". */
    singular: string;
    /** Mid-sentence, as in "Email sales invoice INV-0001": "sales invoice" / "factura de venta". */
    inSentence: string;
    /** "Sales invoices" / "Facturas de venta". */
    plural: string;
    /** "New sales invoice". */
    new: string;
    /** Label of the second date field, when `hasDueDate`. */
    dueDateLabel: string | null;
    /** "Customer" or "Supplier": label of the contact field. */
    contactLabel: string;
  };
}

const contactLabel = {
  customer: "documents.fields.customer",
  supplier: "documents.fields.supplier",
} as const satisfies Record<ContactKind, string>;

function info(
  slug: DocumentType,
  key: string,
  contactKind: ContactKind,
  prefix: string,
  dueDateLabel: string | null,
  fileName: string,
): DocumentTypeInfo {
  return {
    slug,
    contactKind,
    prefix,
    hasDueDate: dueDateLabel !== null,
    fileName,
    messages: {
      singular: `documents.types.${key}.singular`,
      inSentence: `documents.types.${key}.inSentence`,
      plural: `documents.types.${key}.plural`,
      new: `documents.types.${key}.new`,
      dueDateLabel,
      contactLabel: contactLabel[contactKind],
    },
  };
}

const due = "documents.fields.dueDate";
const validUntil = "documents.fields.validUntil";

export const documentTypeInfo = {
  "sales-quotes": info("sales-quotes", "salesQuote", "customer", "QUO-", validUntil, "Sales Quote"),
  "sales-invoices": info("sales-invoices", "salesInvoice", "customer", "INV-", due, "Sales Invoice"),
  "credit-notes": info("credit-notes", "creditNote", "customer", "CN-", null, "Credit Note"),
  "purchase-orders": info("purchase-orders", "purchaseOrder", "supplier", "PO-", null, "Purchase Order"),
  "purchase-invoices": info("purchase-invoices", "purchaseInvoice", "supplier", "PINV-", due, "Purchase Invoice"),
} as const satisfies Record<DocumentType, DocumentTypeInfo>;

export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === "string" && Object.hasOwn(documentTypeInfo, value);
}

export function documentTypesFor(kind: ContactKind): DocumentType[] {
  return documentTypes.filter((slug) => documentTypeInfo[slug].contactKind === kind);
}

/** Next free reference: highest numeric suffix among `existing` with this type's prefix, plus one. */
export function nextReference(type: DocumentType, existing: readonly string[]): string {
  const prefix = documentTypeInfo[type].prefix;
  let max = 0n;
  for (const ref of existing) {
    const trimmed = ref.trim();
    if (trimmed.slice(0, prefix.length).toUpperCase() !== prefix) continue;
    const digits = trimmed.slice(prefix.length);
    if (!/^\d{1,30}$/.test(digits)) continue;
    const n = BigInt(digits);
    if (n > max) max = n;
  }
  return prefix + (max + 1n).toString().padStart(4, "0");
}

// Control chars (C0, DEL, C1), line/paragraph separators, bidi overrides ("INV‮fdp.exe") and
// zero-width characters.
const unsafeInFilename = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff"'`<>:*?|]/g;

/** "Sales Invoice INV-0001.pdf": safe as a MIME filename and a Content-Disposition value. */
export function attachmentFilename(type: DocumentType, reference: string): string {
  const safe = reference
    .replace(/[\\/]/g, "-")
    .replace(unsafeInFilename, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "")
    .slice(0, 100)
    .trim();
  const name = documentTypeInfo[type].fileName;
  return safe ? `${name} ${safe}.pdf` : `${name}.pdf`;
}
