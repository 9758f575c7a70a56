// The baseline PDF: the same invoice (parties, lines, totals) written the plain way with pdfkit
// and its built-in Helvetica, no wrapping measurements, no repeated header rows, no page footers.
import PDFDocument from "pdfkit";
import type { DocumentPdfInput } from "@/lib/pdf/document-pdf";

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" });
const cents = (value: number) => Math.round(value * 100) / 100;

/** Line amounts and totals in plain floating point, as a bare script would compute them. */
export function bareTotals(lines: DocumentPdfInput["lines"]) {
  const nets = lines.map((line) => cents(Number(line.quantity) * Number(line.unitPrice)));
  const taxes = lines.map((line, i) => cents((nets[i] * Number(line.taxRate)) / 100));
  const subtotal = cents(nets.reduce((a, b) => a + b, 0));
  const taxTotal = cents(taxes.reduce((a, b) => a + b, 0));
  return { nets, subtotal, taxTotal, total: cents(subtotal + taxTotal), format: (value: number) => money.format(value) };
}

export function renderBareInvoice(input: DocumentPdfInput): Promise<Buffer> {
  const { business, contact, document: doc, lines } = input;
  const totals = bareTotals(lines);
  const pdf = new PDFDocument({ size: "A4", margin: 50, info: { Title: `Invoice ${doc.reference}`, CreationDate: input.createdAt } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  pdf.font("Helvetica-Bold").fontSize(16).text(business.name, 50, 50);
  pdf.font("Helvetica").fontSize(9).text([business.address, business.email, business.phone].join("\n"));
  pdf.font("Helvetica-Bold").fontSize(20).text("Invoice", 300, 50, { width: 245, align: "right" });
  pdf.font("Helvetica").fontSize(9).text(`Reference ${doc.reference}\nIssued ${doc.issueDate}\nDue ${doc.dueDate ?? ""}`, { width: 245, align: "right" });
  pdf.font("Helvetica-Bold").fontSize(11).text(contact.name, 50, 150);
  pdf.font("Helvetica").fontSize(9).text(contact.address);

  let y = 210;
  const columns = [
    { x: 50, width: 200 },
    { x: 250, width: 40 },
    { x: 290, width: 80 },
    { x: 370, width: 50 },
    { x: 420, width: 125 },
  ];
  const row = (cells: string[]) => {
    cells.forEach((cell, i) => pdf.text(cell, columns[i].x, y, { width: columns[i].width, align: i === 0 ? "left" : "right" }));
    y = pdf.y + 6;
  };
  pdf.font("Helvetica-Bold").fontSize(8);
  row(["Description", "Qty", "Unit price", "Tax", "Amount"]);
  pdf.font("Helvetica").fontSize(9);
  lines.forEach((line, i) => {
    if (y > 760) {
      pdf.addPage();
      y = 50;
    }
    row([line.description, line.quantity, totals.format(Number(line.unitPrice)), `${line.taxRate} %`, totals.format(totals.nets[i])]);
  });
  if (y > 720) {
    pdf.addPage();
    y = 50;
  }
  row(["", "", "Subtotal", "", totals.format(totals.subtotal)]);
  row(["", "", "Tax", "", totals.format(totals.taxTotal)]);
  pdf.font("Helvetica-Bold").fontSize(11);
  row(["", "", "Total", "", totals.format(totals.total)]);
  if (doc.notes) pdf.font("Helvetica").fontSize(9).text(doc.notes, 50, y + 10);

  pdf.end();
  return done;
}
