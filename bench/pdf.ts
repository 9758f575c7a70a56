// PDF rendering time and size for invoices of 1, 20 and 200 lines (renderDocumentPdf, warm), and
// for 20 and 200 lines against the same invoice written with plain pdfkit (bench/bare-invoice.ts),
// interleaved so drift hits both sides alike.
import type { DocumentBundle } from "@/lib/documents/queries";
import { formatMoney, computeTotals } from "@/lib/documents/totals";
import { pdfLabelsFor } from "@/lib/documents/pdf-file";
import { renderDocumentPdf, type DocumentPdfInput } from "@/lib/pdf/document-pdf";
import { bareTotals, renderBareInvoice } from "./bare-invoice";
import type { Report } from "./report";
import { invoiceLines } from "./seed";
import { round, summarize, timed } from "./stats";

const SIZES = [
  { lines: 1, runs: 60, againstBare: false },
  { lines: 20, runs: 60, againstBare: true },
  { lines: 200, runs: 20, againstBare: true },
];
const WARM_UP = 5;

export function benchInvoice(lineCount: number): DocumentPdfInput {
  return {
    locale: "en",
    labels: pdfLabelsFor("sales-invoices", "en"),
    business: { name: "Bench Supplies Ltd", address: "1 Quay Street\nDublin", email: "owner@example.test", phone: "+353 1 555 0100", taxId: "IE1234567T", currency: "EUR" },
    contact: { name: "Northwind Traders", address: "5 Harbour Road\nCork", taxId: "" },
    document: { type: "sales-invoices", reference: "INV-0001", issueDate: "2026-11-02", dueDate: "2026-12-02", notes: "Payment within 30 days." },
    lines: invoiceLines(lineCount),
    createdAt: new Date("2026-11-02T10:00:00Z"),
  };
}

/** The same input for a stored document: what the bare renderer draws for it. */
export function benchInvoiceOf({ business, contact, document, lines }: DocumentBundle): DocumentPdfInput {
  return {
    ...benchInvoice(0),
    business: { name: business.name, address: business.address, email: business.email, phone: business.phone, taxId: business.taxId, currency: business.currency },
    contact: { name: contact.name, address: contact.address, taxId: contact.taxId },
    document: { type: document.type, reference: document.reference, issueDate: document.issueDate, dueDate: document.dueDate, notes: document.notes },
    lines,
  };
}

export async function benchPdf(report: Report): Promise<void> {
  const section = "PDF";
  for (const { lines, runs, againstBare } of SIZES) {
    const input = benchInvoice(lines);
    const bare = bareTotals(input.lines);
    report.check(
      `bare ${lines}-line PDF has our totals`,
      bare.format(bare.total) === formatMoney(computeTotals(input.lines).total, "en", input.business.currency),
      `${bare.format(bare.total)} vs ${formatMoney(computeTotals(input.lines).total, "en", input.business.currency)}`,
    );
    for (let i = 0; i < WARM_UP; i++) {
      await renderDocumentPdf(input);
      if (againstBare) await renderBareInvoice(input);
    }
    const oursMs: number[] = [];
    const bareMs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const ours = async () => {
        const { ms, value } = await timed(() => renderDocumentPdf(input));
        oursMs.push(ms);
        bytes = value.length;
      };
      const plain = async () => {
        if (againstBare) bareMs.push((await timed(() => renderBareInvoice(input))).ms);
      };
      // Alternate who goes first, so neither side always runs in the other's wake (GC).
      for (const side of i % 2 ? [plain, ours] : [ours, plain]) await side();
    }
    const s = summarize(oursMs);
    report.figure({ section, name: `${lines}-line invoice: median`, value: round(s.median), unit: "ms", note: `n=${s.n}` });
    report.figure({ section, name: `${lines}-line invoice: p95`, value: round(s.p95), unit: "ms" });
    report.figure({ section, name: `${lines}-line invoice: size`, value: round(bytes / 1024), unit: "kB" });
    if (againstBare) {
      const b = summarize(bareMs);
      report.figure({ section, name: `${lines}-line, bare pdfkit: median`, value: round(b.median), unit: "ms", note: "built-in Helvetica" });
      report.figure({
        section,
        name: `${lines}-line, ours ÷ bare pdfkit (medians)`,
        value: round(s.median / b.median, 2),
        unit: "×",
        target: { kind: "max", value: 1.5 },
      });
    }
  }
}
