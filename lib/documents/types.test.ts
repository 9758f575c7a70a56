import { describe, expect, it } from "vitest";
import enCommon from "@/lib/i18n/messages/en/common.json";
import enDocuments from "@/lib/i18n/messages/en/documents.json";
import esCommon from "@/lib/i18n/messages/es/common.json";
import esDocuments from "@/lib/i18n/messages/es/documents.json";
import { documentPdfLabelKeys } from "@/lib/pdf/labels";
import {
  attachmentFilename,
  documentTypeInfo,
  documentTypesFor,
  documentTypes,
  isDocumentType,
  nextReference,
} from "./types";

describe("document type registry", () => {
  it("describes exactly the types in the database schema, in the same order", () => {
    expect(Object.keys(documentTypeInfo)).toEqual([...documentTypes]);
  });

  it("sends sales documents to customers and purchase documents to suppliers", () => {
    expect(documentTypesFor("customer")).toEqual(["sales-quotes", "sales-invoices", "credit-notes"]);
    expect(documentTypesFor("supplier")).toEqual(["purchase-orders", "purchase-invoices"]);
  });

  it("gives invoices a due date, quotes a 'valid until' date and the rest none", () => {
    expect(documentTypeInfo["sales-invoices"].messages.dueDateLabel).toBe("documents.fields.dueDate");
    expect(documentTypeInfo["purchase-invoices"].hasDueDate).toBe(true);
    expect(documentTypeInfo["sales-quotes"].messages.dueDateLabel).toBe("documents.fields.validUntil");
    expect(documentTypeInfo["credit-notes"].hasDueDate).toBe(false);
    expect(documentTypeInfo["purchase-orders"].hasDueDate).toBe(false);
  });

  it("recognises URL slugs and nothing else", () => {
    expect(isDocumentType("sales-invoices")).toBe(true);
    expect(isDocumentType("invoices")).toBe(false);
    expect(isDocumentType("toString")).toBe(false);
    expect(isDocumentType("__proto__")).toBe(false);
    expect(isDocumentType(undefined)).toBe(false);
  });
});

describe("nextReference", () => {
  it("starts at 0001", () => {
    expect(nextReference("sales-invoices", [])).toBe("INV-0001");
    expect(nextReference("purchase-invoices", [])).toBe("PINV-0001");
  });

  it("continues after the highest number with the same prefix, ignoring gaps and other series", () => {
    expect(nextReference("sales-invoices", ["INV-0001", "INV-0007", "INV-0003", "PINV-0050", "QUO-0099"])).toBe("INV-0008");
    expect(nextReference("credit-notes", ["CN-0009"])).toBe("CN-0010");
  });

  it("ignores hand-written references that are not prefix + digits", () => {
    expect(nextReference("sales-invoices", ["INV-2024-17", "INV-A1", "Invoice 5", "INV-0002"])).toBe("INV-0003");
  });

  it("grows past four digits instead of wrapping", () => {
    expect(nextReference("purchase-orders", ["PO-9999"])).toBe("PO-10000");
    expect(nextReference("sales-quotes", ["QUO-123456789012345678"])).toBe("QUO-123456789012345679");
  });

  it("does not confuse INV- with PINV-", () => {
    expect(nextReference("purchase-invoices", ["INV-0040"])).toBe("PINV-0001");
  });
});

describe("attachmentFilename", () => {
  it("names the PDF after the English type and the reference", () => {
    expect(attachmentFilename("sales-invoices", "INV-0001")).toBe("Sales Invoice INV-0001.pdf");
    expect(attachmentFilename("sales-quotes", "QUO-0002")).toBe("Sales Quote QUO-0002.pdf");
    expect(attachmentFilename("credit-notes", "CN-0003")).toBe("Credit Note CN-0003.pdf");
    expect(attachmentFilename("purchase-orders", "PO-0004")).toBe("Purchase Order PO-0004.pdf");
    expect(attachmentFilename("purchase-invoices", "PINV-0005")).toBe("Purchase Invoice PINV-0005.pdf");
  });

  it("strips what could break a header or a path", () => {
    expect(attachmentFilename("sales-invoices", 'INV-1\r\nContent-Type: text/html"')).toBe(
      "Sales Invoice INV-1Content-Type text-html.pdf",
    );
    expect(attachmentFilename("sales-invoices", "../../etc/passwd")).toBe("Sales Invoice -..-etc-passwd.pdf");
    expect(attachmentFilename("sales-invoices", "A/B\\C")).toBe("Sales Invoice A-B-C.pdf");
    expect(attachmentFilename("sales-invoices", "INV\u202Efdp.exe")).toBe("Sales Invoice INVfdp.exe.pdf");
    expect(attachmentFilename("sales-invoices", "INV\u2067-1\u200B\u200D\uFEFF2\u2069")).toBe("Sales Invoice INV-12.pdf");
    expect(attachmentFilename("sales-invoices", "\u0000\u0007")).toBe("Sales Invoice.pdf");
  });

  it("keeps accents, which nodemailer encodes for the header", () => {
    expect(attachmentFilename("credit-notes", "Abono Núñez 1")).toBe("Credit Note Abono Núñez 1.pdf");
  });
});

describe("catalog keys", () => {
  const lookup = (catalog: object, key: string) =>
    key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);

  it("every key the registry and the PDF labels use exists in English and Spanish", () => {
    const used = documentTypes.flatMap((type) => [
      ...Object.values(documentTypeInfo[type].messages).filter((k): k is string => k !== null),
      ...Object.values(documentPdfLabelKeys(type)),
    ]);
    for (const catalog of [enDocuments, esDocuments]) {
      const missing = used.filter((key) => typeof lookup(catalog, key) !== "string");
      expect(missing).toEqual([]);
    }
  });

  it("the validation messages used by these schemas exist in both languages", () => {
    const keys = [
      "validation.required",
      "validation.tooLong",
      "validation.controlChars",
      "validation.email",
      "validation.addressList.invalid",
      "validation.addressList.tooMany",
      "validation.contactRequired",
      "validation.date",
      "validation.dueBeforeIssue",
      "validation.decimal",
      "validation.decimalTooLarge",
      "validation.decimalTooPrecise",
      "validation.taxRateRange",
      "validation.linesMin",
      "validation.linesMax",
    ];
    for (const catalogs of [[enCommon, enDocuments], [esCommon, esDocuments]]) {
      const missing = keys.filter((key) => catalogs.every((c) => typeof lookup(c, key) !== "string"));
      expect(missing).toEqual([]);
    }
  });

  it("English and Spanish documents catalogs have the same shape", () => {
    const shape = (v: unknown): unknown =>
      v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)])) : typeof v;
    expect(shape(esDocuments)).toEqual(shape(enDocuments));
  });
});
