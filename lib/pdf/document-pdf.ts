import "server-only";
import PDFDocument from "pdfkit";
import { formatDocumentDate } from "@/lib/documents/dates";
import { computeTotals, formatDecimal, formatMoney } from "@/lib/documents/totals";
import { documentTypeInfo, type DocumentType } from "@/lib/documents/types";
import type { Locale } from "@/lib/i18n/locale";
import { documentFonts, type DocumentFonts } from "./fonts";
import type { DocumentPdfLabels } from "./labels";

export type { DocumentPdfLabels } from "./labels";

export interface DocumentPdfInput {
  locale: Locale;
  /** Translated by the caller (see documentPdfLabels in ./labels): lib/pdf reads no catalogs. */
  labels: DocumentPdfLabels;
  /** currency: ISO 4217 code every amount is shown in; logo: PNG or JPEG checked by lib/pdf/logo. */
  business: { name: string; address: string; email: string; phone: string; taxId: string; currency: string; logo?: Buffer | null };
  contact: { name: string; address: string; taxId: string };
  document: {
    type: DocumentType;
    reference: string;
    issueDate: string;
    dueDate: string | null;
    notes: string;
  };
  /** Lines as stored; amounts and totals are computed here with lib/documents/totals, so they always agree. */
  lines: { description: string; quantity: string; unitPrice: string; taxRate: string }[];
  /** PDF metadata creation date; pass a fixed one for byte-stable output. */
  createdAt?: Date;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const FOOTER = 24;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const BOTTOM = A4.height - MARGIN - FOOTER;
const GREY = "#6b7280";
const RULE = "#d1d5db";
const INK = "#111827";
// The logo is scaled to fit this box, keeping its proportions.
const LOGO_BOX = { width: 160, height: 60 };

// Quantity, unit price, tax, amount are fixed; the description takes the rest.
const NUMBER_COLUMNS = [50, 90, 50, 100];
const DESCRIPTION_WIDTH = CONTENT_WIDTH - NUMBER_COLUMNS.reduce((a, b) => a + b, 0);
const CELL_PAD = 4;

/**
 * The text as the document font can draw it: line breaks normalized, control characters dropped,
 * and a letter the font lacks printed without its accent or as "?", never as a blank glyph.
 */
function drawableText(text: string, fonts: DocumentFonts): string {
  let out = "";
  for (const ch of text.replace(/\r\n?/g, "\n")) {
    const code = ch.codePointAt(0)!;
    if (ch === "\n" || (code >= 0x20 && code <= 0x7e)) {
      out += ch;
    } else if (code === 0x09) {
      out += " ";
    } else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x2028 && code <= 0x202e)) {
      continue;
    } else if (canDraw(fonts, code)) {
      out += ch;
    } else {
      const base = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      out += base && [...base].every((c) => canDraw(fonts, c.codePointAt(0)!)) ? base : "?";
    }
  }
  return out;
}

const drawable = new Map<number, boolean>();
function canDraw(fonts: DocumentFonts, code: number): boolean {
  let known = drawable.get(code);
  if (known === undefined) {
    known = fonts.regular.hasGlyphForCodePoint(code) && fonts.bold.hasGlyphForCodePoint(code);
    drawable.set(code, known);
  }
  return known;
}

/** Resolves with the finished PDF. Long line tables continue on new pages under a repeated header row. */
export function renderDocumentPdf(input: DocumentPdfInput): Promise<Buffer> {
  const { labels, locale, business, contact, document: docData } = input;
  const totals = computeTotals(input.lines);
  const money = (amount: string) => formatMoney(amount, locale, business.currency);
  const hasDueDate = documentTypeInfo[docData.type].hasDueDate && !!docData.dueDate;
  const fonts = documentFonts();
  const printable = (text: string) => drawableText(text, fonts);

  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    // No default font: pdfkit would load and parse Helvetica's metrics for every document.
    font: null as unknown as string,
    info: {
      Title: printable(`${labels.title} ${docData.reference}`),
      Author: printable(business.name),
      Creator: "Mailroom",
      CreationDate: input.createdAt ?? new Date(),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  pdf.registerFont("regular", fonts.regular as unknown as string).registerFont("bold", fonts.bold as unknown as string);
  const font = (bold: boolean, size: number, color = INK) => pdf.font(bold ? "bold" : "regular").fontSize(size).fillColor(color);
  const rule = (y: number) =>
    pdf.moveTo(MARGIN, y).lineTo(A4.width - MARGIN, y).lineWidth(0.5).strokeColor(RULE).stroke();

  // Header: business on the left, document title and key facts on the right.
  const rightX = MARGIN + CONTENT_WIDTH / 2;
  const rightWidth = CONTENT_WIDTH / 2;
  const taxIdLine = (taxId: string) => (taxId.trim() ? `${labels.taxId}: ${taxId.trim()}` : "");
  let businessTop = MARGIN;
  if (business.logo) {
    pdf.image(business.logo, MARGIN, MARGIN, { fit: [LOGO_BOX.width, LOGO_BOX.height] });
    businessTop += LOGO_BOX.height + 10;
  }
  font(true, 16).text(printable(business.name), MARGIN, businessTop, { width: CONTENT_WIDTH / 2 - 10 });
  font(false, 9, GREY);
  for (const line of [business.address, taxIdLine(business.taxId), business.email, business.phone]) {
    if (line.trim()) pdf.text(printable(line.trim()), { width: CONTENT_WIDTH / 2 - 10 });
  }
  const leftBottom = pdf.y;

  font(true, 20).text(printable(labels.title), rightX, MARGIN, { width: rightWidth, align: "right" });
  pdf.moveDown(0.3);
  const facts: [string, string][] = [
    [labels.reference, docData.reference],
    [labels.issueDate, formatDocumentDate(docData.issueDate, locale)],
  ];
  if (hasDueDate) facts.push([labels.dueDate, formatDocumentDate(docData.dueDate!, locale)]);
  for (const [label, value] of facts) {
    const y = pdf.y;
    font(false, 9, GREY).text(printable(label), rightX, y, { width: rightWidth - 110, align: "right" });
    font(true, 9).text(printable(value), rightX + rightWidth - 105, y, { width: 105, align: "right" });
    pdf.moveDown(0.2);
  }
  let y = Math.max(leftBottom, pdf.y) + 24;

  // Who the document is for.
  font(true, 8, GREY).text(printable(labels.contact.toUpperCase()), MARGIN, y, { width: CONTENT_WIDTH });
  font(true, 11).text(printable(contact.name), { width: CONTENT_WIDTH / 2 });
  for (const line of [contact.address, taxIdLine(contact.taxId)]) {
    if (line.trim()) font(false, 9).text(printable(line.trim()), { width: CONTENT_WIDTH / 2 });
  }
  y = pdf.y + 24;

  // Lines table.
  const columnX = [MARGIN, MARGIN + DESCRIPTION_WIDTH];
  for (const w of NUMBER_COLUMNS.slice(0, -1)) columnX.push(columnX[columnX.length - 1] + w);
  const widths = [DESCRIPTION_WIDTH, ...NUMBER_COLUMNS];
  const cellOptions = (column: number) => ({
    width: widths[column] - 2 * CELL_PAD,
    align: column === 0 ? ("left" as const) : ("right" as const),
  });
  // Every cell may wrap (long descriptions, long translated headings); the tallest sets the row height.
  // A cell that fits on one line (most) is one line high and is placed by its measured width, with
  // no line wrapping, the costliest part of a PDF; only longer ones are wrapped.
  const cell = (text: string, column: number) => {
    const options = cellOptions(column);
    const x = columnX[column] + CELL_PAD;
    const width = text.includes("\n") ? Infinity : pdf.widthOfString(text);
    if (width > options.width) return { height: pdf.heightOfString(text, options), draw: (top: number) => pdf.text(text, x, top, options) };
    const left = options.align === "right" ? x + options.width - width : x;
    return { height: pdf.currentLineHeight(true), draw: (top: number) => pdf.text(text, left, top, { lineBreak: false }) };
  };
  const row = (texts: string[], top: number) => {
    const cells = texts.map(cell);
    return {
      height: Math.max(...cells.map((c) => c.height)),
      draw: () => cells.forEach((c) => c.draw(top)),
    };
  };
  const headerRow = (top: number) => {
    font(true, 8, GREY);
    const headings = [labels.description, labels.quantity, labels.unitPrice, labels.taxRate, labels.amount].map(printable);
    const { height, draw } = row(headings, top);
    draw();
    rule(top + height + 3);
    return top + height + 9;
  };
  const newPage = () => {
    pdf.addPage();
    return MARGIN;
  };

  y = headerRow(y);
  input.lines.forEach((line, i) => {
    const cells = [
      printable(line.description) || " ",
      formatDecimal(line.quantity, locale),
      money(line.unitPrice),
      `${formatDecimal(line.taxRate, locale)} %`,
      money(totals.lines[i].net),
    ];
    font(false, 9);
    let measured = row(cells, y);
    if (y + measured.height + 8 > BOTTOM) {
      y = headerRow(newPage());
      font(false, 9);
      measured = row(cells, y);
    }
    measured.draw();
    y += measured.height + 8;
    rule(y - 4);
  });

  // Totals, kept together on one page.
  const totalsHeight = 3 * 16 + 10;
  if (y + totalsHeight > BOTTOM) y = newPage();
  y += 6;
  const labelX = columnX[2];
  const labelWidth = widths[2] + widths[3];
  const totalRow = (label: string, value: string, bold: boolean) => {
    font(bold, bold ? 11 : 9, bold ? INK : GREY).text(printable(label), labelX, y, { width: labelWidth - CELL_PAD, align: "right" });
    font(bold, bold ? 11 : 9).text(value, columnX[4], y, { width: widths[4] - CELL_PAD, align: "right" });
    y += 16;
  };
  totalRow(labels.subtotal, money(totals.subtotal), false);
  totalRow(labels.tax, money(totals.taxTotal), false);
  rule(y - 3);
  y += 2;
  totalRow(labels.total, money(totals.total), true);

  // Notes flow onto further pages by themselves if they are long.
  if (docData.notes.trim()) {
    y += 16;
    if (y + 40 > BOTTOM) y = newPage();
    font(true, 8, GREY).text(printable(labels.notes.toUpperCase()), MARGIN, y, { width: CONTENT_WIDTH });
    font(false, 9).text(printable(docData.notes.trim()), { width: CONTENT_WIDTH });
  }

  // Footer on every page, written into the bottom margin (so pdfkit must not see it as overflow).
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const margins = pdf.page.margins;
    pdf.page.margins = { ...margins, bottom: 0 };
    const footer = labels.page.replace("{page}", String(i + 1)).replace("{pages}", String(range.count));
    font(false, 8, GREY).text(printable(`${docData.reference} · ${footer}`), MARGIN, A4.height - MARGIN - 10, {
      width: CONTENT_WIDTH,
      align: "right",
      lineBreak: false,
    });
    pdf.page.margins = margins;
  }

  pdf.end();
  return done;
}
