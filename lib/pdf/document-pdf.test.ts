import { extractText } from "unpdf";
import { describe, expect, it } from "vitest";
import enDocuments from "@/lib/i18n/messages/en/documents.json";
import esDocuments from "@/lib/i18n/messages/es/documents.json";
import type { DocumentType } from "@/lib/documents/types";
import { renderDocumentPdf, type DocumentPdfInput } from "./document-pdf";
import { solidPng } from "@/test/fixtures/png";
import { documentPdfLabels } from "./labels";

function translator(catalog: object) {
  return (key: string) => {
    const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);
    if (typeof value !== "string") throw new Error(`missing catalog key ${key}`);
    return value;
  };
}

function invoice(overrides: Partial<DocumentPdfInput> = {}, type: DocumentType = "sales-invoices"): DocumentPdfInput {
  return {
    locale: "en",
    labels: documentPdfLabels(type, translator(enDocuments)),
    business: { name: "Acme Tools Ltd", address: "1 High Street\nLeeds LS1 1AA", email: "billing@acme.test", phone: "+44 113 000 0000", taxId: "GB123456789", currency: "GBP" },
    contact: { name: "Globex Corporation", address: "42 Side Road\nYork", taxId: "" },
    document: { type, reference: "INV-0042", issueDate: "2025-03-01", dueDate: "2025-03-31", notes: "Pay by bank transfer." },
    lines: [
      { description: "Widget", quantity: "3", unitPrice: "0.10", taxRate: "21" },
      { description: "Consulting, March", quantity: "10", unitPrice: "120", taxRate: "21" },
    ],
    createdAt: new Date("2025-03-01T00:00:00Z"),
    ...overrides,
  };
}

async function pdfText(pdf: Buffer) {
  const { totalPages, text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  // Intl separates "282,00 €" with a no-break space; compare with plain spaces.
  return { totalPages, text: text.replace(/\u00a0/g, " ") };
}

describe("renderDocumentPdf", () => {
  it("prints the business, the customer, the reference, the dates and the totals", async () => {
    const pdf = await renderDocumentPdf(invoice());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { totalPages, text } = await pdfText(pdf);
    expect(totalPages).toBe(1);
    for (const expected of [
      "Acme Tools Ltd",
      "billing@acme.test",
      "Sales invoice",
      "INV-0042",
      "Globex Corporation",
      "42 Side Road",
      "1 Mar 2025",
      "31 Mar 2025",
      "Consulting, March",
      "£1,200.00",
      "Tax ID: GB123456789",
      "Subtotal",
      "1,200.30",
      "252.06",
      "£1,452.36",
      "Pay by bank transfer.",
      "Page 1 of 1",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("prints Spanish labels, accents, ñ and €", async () => {
    const input = invoice({
      locale: "es",
      labels: documentPdfLabels("sales-invoices", translator(esDocuments)),
      business: { name: "Panadería Muñoz", address: "Calle Señor, 3\nMálaga", email: "", phone: "", taxId: "B12345678", currency: "EUR" },
      contact: { name: "José Ibáñez €", address: "", taxId: "12345678Z" },
      lines: [{ description: "Café con leche ¿sí? «grande» – 1ª", quantity: "1,5".replace(",", "."), unitPrice: "1234.5", taxRate: "10" }],
    });
    const { text } = await pdfText(await renderDocumentPdf(input));
    for (const expected of [
      "Panadería Muñoz",
      "José Ibáñez €",
      "Café con leche ¿sí? «grande» – 1ª",
      "Factura de venta",
      "Fecha de emisión",
      "Base imponible",
      "1,5",
      "1.234,50 €",
      "1.851,75 €",
      "2.036,93 €",
      "NIF/CIF: B12345678",
      "NIF/CIF: 12345678Z",
      "Página 1 de 1",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("draws the business's logo as an image in the header, and none without one", async () => {
    const withLogo = await renderDocumentPdf(invoice({ business: { ...invoice().business, logo: solidPng(40, 20, [200, 30, 30]) } }));
    expect(withLogo.toString("latin1")).toMatch(/\/Subtype \/Image/);
    const { text } = await pdfText(withLogo);
    expect(text).toContain("Acme Tools Ltd");
    expect((await renderDocumentPdf(invoice())).toString("latin1")).not.toMatch(/\/Subtype \/Image/);
  });

  it("prints Ñandú, Łódź, Ægir, € and ß as written, in regular and bold text", async () => {
    const names = "Ñandú, Łódź, Ægir, €, ß";
    const input = invoice({
      business: { ...invoice().business, name: `Panadería ${names}`, address: "", email: "", phone: "", taxId: "" },
      contact: { name: names, address: `Ulica ${names}`, taxId: "" },
      lines: [{ description: names, quantity: "1", unitPrice: "10", taxRate: "21" }],
    });
    // The business name may wrap in the header, so line breaks count as spaces.
    const text = (await pdfText(await renderDocumentPdf(input))).text.replace(/\s+/g, " ");
    expect(text).toContain(`Panadería ${names}`);
    expect(text).toContain(`Ulica ${names}`);
    expect(text.split(names).length - 1).toBeGreaterThanOrEqual(4);
  });

  it("replaces letters the document font cannot draw instead of printing blanks", async () => {
    const { text } = await pdfText(await renderDocumentPdf(invoice({ contact: { name: "Łódź Spółka 株式会社", address: "", taxId: "" } })));
    expect(text).toContain("Łódź Spółka ????");
  });

  it("continues 200 lines over several pages, in order, under a repeated header row", async () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({
      description: `Item number ${i + 1}${i % 10 === 0 ? " with a longer description that has to wrap onto a second line in the table cell" : ""}`,
      quantity: "1",
      unitPrice: "1.00",
      taxRate: "21",
    }));
    const pdf = await renderDocumentPdf(invoice({ lines }));
    const { totalPages, text: pages } = await extractText(new Uint8Array(pdf), { mergePages: false });
    expect(totalPages).toBeGreaterThanOrEqual(4);

    const seen: number[] = [];
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${totalPages}`);
      const items = [...page.matchAll(/Item number (\d+)/g)].map((m) => Number(m[1]));
      if (items.length > 0) expect(page.indexOf("Description")).toBeLessThan(page.indexOf("Item number"));
      seen.push(...items);
    });
    expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const lastLinePage = pages.findIndex((page) => page.includes("Item number 200"));
    const totalsPage = pages.findIndex((page) => page.includes("Subtotal"));
    expect(totalsPage).toBeGreaterThanOrEqual(lastLinePage);
    expect(pages[totalsPage]).toContain("242.00");
  });

  it("leaves out the due date for credit notes", async () => {
    const input = invoice({}, "credit-notes");
    input.document = { ...input.document, reference: "CN-0001", dueDate: "2025-03-31" };
    const { text } = await pdfText(await renderDocumentPdf(input));
    expect(text).toContain("Credit note");
    expect(text).toContain("CN-0001");
    expect(text).not.toContain("31 Mar 2025");
    expect(text).not.toContain("Due date");
  });

  it("labels a quote's second date 'Valid until'", async () => {
    const { text } = await pdfText(await renderDocumentPdf(invoice({}, "sales-quotes")));
    expect(text).toContain("Valid until");
    expect(text).toContain("Sales quote");
  });

  it("is byte-for-byte repeatable for the same input and creation date", async () => {
    const [a, b] = await Promise.all([renderDocumentPdf(invoice()), renderDocumentPdf(invoice())]);
    expect(a.equals(b)).toBe(true);
  });
});
