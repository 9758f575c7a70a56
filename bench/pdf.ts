// PDF rendering time and size for invoices of 1, 20 and 200 lines (renderDocumentPdf, warm).
import { translatorFor } from "@/lib/i18n/translator";
import { renderDocumentPdf, type DocumentPdfInput } from "@/lib/pdf/document-pdf";
import { documentPdfLabels } from "@/lib/pdf/labels";
import type { Report } from "./report";
import { invoiceLines } from "./seed";
import { round, summarize, timed } from "./stats";

const SIZES = [
  { lines: 1, runs: 60 },
  { lines: 20, runs: 40 },
  { lines: 200, runs: 15 },
];
const WARM_UP = 5;

function invoice(lineCount: number): DocumentPdfInput {
  const t = translatorFor("en");
  return {
    locale: "en",
    labels: documentPdfLabels("sales-invoices", (key) => t.raw(key) as string),
    business: { name: "Bench Supplies Ltd", address: "1 Quay Street\nDublin", email: "owner@example.test", phone: "+353 1 555 0100" },
    contact: { name: "Northwind Traders", address: "5 Harbour Road\nCork" },
    document: { type: "sales-invoices", reference: "INV-0001", issueDate: "2026-11-02", dueDate: "2026-12-02", notes: "Payment within 30 days." },
    lines: invoiceLines(lineCount),
    createdAt: new Date("2026-11-02T10:00:00Z"),
  };
}

export async function benchPdf(report: Report): Promise<void> {
  for (const { lines, runs } of SIZES) {
    const input = invoice(lines);
    for (let i = 0; i < WARM_UP; i++) await renderDocumentPdf(input);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const { ms, value } = await timed(() => renderDocumentPdf(input));
      times.push(ms);
      bytes = value.length;
    }
    const s = summarize(times);
    const section = "PDF";
    report.figure({ section, name: `${lines}-line invoice: median`, value: round(s.median), unit: "ms", note: `n=${s.n}` });
    report.figure({ section, name: `${lines}-line invoice: p95`, value: round(s.p95), unit: "ms" });
    report.figure({ section, name: `${lines}-line invoice: size`, value: round(bytes / 1024), unit: "kB" });
  }
}
