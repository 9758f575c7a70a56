import Decimal from "decimal.js";
import type { Locale } from "@/lib/i18n/locale";

// Own instance so nobody else's Decimal.set() changes our rounding; 60 digits never rounds a product of two validated inputs.
const Money = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

export interface LineInput {
  /** Decimal strings as stored ("3", "0.1", "-2", "21"); validated by lib/validation/document. */
  quantity: string;
  unitPrice: string;
  /** Percent: "21" means 21 %. */
  taxRate: string;
}

export interface LineAmounts {
  net: string;
  tax: string;
  total: string;
}

export interface DocumentTotals {
  lines: LineAmounts[];
  subtotal: string;
  taxTotal: string;
  total: string;
}

const decimalString = /^-?\d+(\.\d+)?$/;

function parse(value: string, field: string): Decimal {
  if (!decimalString.test(value)) throw new TypeError(`${field} is not a decimal string: ${JSON.stringify(value)}`);
  return new Money(value);
}

// ROUND_HALF_UP in decimal.js rounds ties away from zero: 0.005 → 0.01, -0.005 → -0.01.
const cents = (d: Decimal) => d.toDecimalPlaces(2, Money.ROUND_HALF_UP);

function lineDecimals(line: LineInput) {
  const net = cents(parse(line.quantity, "quantity").times(parse(line.unitPrice, "unitPrice")));
  const tax = cents(net.times(parse(line.taxRate, "taxRate")).dividedBy(100));
  return { net, tax, total: net.plus(tax) };
}

/** net = round(quantity × unit price); tax = round(net × rate / 100); both to cents, half up. */
export function computeLine(line: LineInput): LineAmounts {
  const { net, tax, total } = lineDecimals(line);
  return { net: net.toFixed(2), tax: tax.toFixed(2), total: total.toFixed(2) };
}

export function computeTotals(lines: readonly LineInput[]): DocumentTotals {
  let subtotal = new Money(0);
  let taxTotal = new Money(0);
  const out: LineAmounts[] = [];
  for (const line of lines) {
    const { net, tax, total } = lineDecimals(line);
    out.push({ net: net.toFixed(2), tax: tax.toFixed(2), total: total.toFixed(2) });
    // Totals are sums of the already-rounded lines, so the document always adds up on paper.
    subtotal = subtotal.plus(net);
    taxTotal = taxTotal.plus(tax);
  }
  return {
    lines: out,
    subtotal: subtotal.toFixed(2),
    taxTotal: taxTotal.toFixed(2),
    total: subtotal.plus(taxTotal).toFixed(2),
  };
}

const separators: Record<Locale, { group: string; decimal: string }> = {
  en: { group: ",", decimal: "." },
  es: { group: ".", decimal: "," },
};

/**
 * "1234.5" → "1,234.50" (en) / "1.234,50" (es). Pure string work on the decimal, so no float ever
 * touches the amount; Spanish groups 4-digit amounts too (1.234,56), as invoices usually do.
 */
export function formatMoney(amount: string, locale: Locale): string {
  const fixed = cents(parse(amount.trim(), "amount")).toFixed(2);
  const negative = fixed.startsWith("-");
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split(".");
  const { group, decimal } = separators[locale];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return (negative ? "-" : "") + grouped + decimal + frac;
}

/** Quantities and rates as typed, with the locale's decimal mark: "1.5" → "1,5" (es); no rounding. */
export function formatDecimal(value: string, locale: Locale): string {
  parse(value, "value");
  return locale === "es" ? value.replace(".", ",") : value;
}
