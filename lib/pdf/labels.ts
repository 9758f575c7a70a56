import { documentTypeInfo, type DocumentType } from "@/lib/documents/types";

/** Every word printed on a document PDF, already translated by the caller. */
export interface DocumentPdfLabels {
  /** The localized type name: "Sales invoice" / "Factura de venta". */
  title: string;
  reference: string;
  issueDate: string;
  /** "Due date" or, for quotes, "Valid until". Unused for types without a due date. */
  dueDate: string;
  /** "Customer" or "Supplier". */
  contact: string;
  description: string;
  quantity: string;
  unitPrice: string;
  taxRate: string;
  amount: string;
  subtotal: string;
  tax: string;
  total: string;
  notes: string;
  /** "Tax ID" / "NIF/CIF", before the business's and the contact's tax numbers. */
  taxId: string;
  /** With {page} and {pages}: "Page {page} of {pages}". */
  page: string;
}

/** Catalog keys (lib/i18n/messages/<locale>/documents.json) behind each label, for this type. */
export function documentPdfLabelKeys(type: DocumentType): Record<keyof DocumentPdfLabels, string> {
  const { messages } = documentTypeInfo[type];
  return {
    title: messages.singular,
    reference: "documents.fields.reference",
    issueDate: "documents.fields.issueDate",
    dueDate: messages.dueDateLabel ?? "documents.fields.dueDate",
    contact: messages.contactLabel,
    description: "documents.fields.description",
    quantity: "documents.fields.quantity",
    unitPrice: "documents.fields.unitPrice",
    taxRate: "documents.fields.taxRate",
    amount: "documents.fields.amount",
    subtotal: "documents.fields.subtotal",
    tax: "documents.fields.tax",
    total: "documents.fields.total",
    notes: "documents.fields.notes",
    taxId: "documents.fields.taxId",
    page: "documents.pdf.page",
  };
}

/**
 * Labels for one type through a translator; the page label keeps its {page} and {pages} tokens
 * for the renderer to fill (see lib/documents/pdf-file.ts).
 */
export function documentPdfLabels(type: DocumentType, translate: (key: string) => string): DocumentPdfLabels {
  const keys = documentPdfLabelKeys(type);
  return Object.fromEntries(
    Object.entries(keys).map(([label, key]) => [label, translate(key)]),
  ) as unknown as DocumentPdfLabels;
}
