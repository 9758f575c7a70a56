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

// en-US, not en-GB, so a US business reads "$282.00" while other dollars stay "CA$", "MX$"…
const moneyLocales: Record<Locale, string> = { en: "en-US", es: "es-ES" };
const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: Locale, currency: string): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    // "always": Spanish groups 4-digit amounts too (1.234,56 €), as invoices usually do.
    format = new Intl.NumberFormat(moneyLocales[locale], { style: "currency", currency, useGrouping: "always" });
    moneyFormats.set(key, format);
  }
  return format;
}

/**
 * An exact amount shown to a reader: "282" → "€282.00" (en) / "282,00 €" (es). Rounded to cents
 * with decimal.js and handed to Intl as a string, so no float ever touches the amount.
 */
export function formatMoney(amount: string, locale: Locale, currency: string): string {
  const rounded = cents(parse(amount.trim(), "amount"));
  return moneyFormat(locale, currency).format((rounded.isZero() ? new Money(0) : rounded).toFixed(2) as `${number}`);
}

/** Quantities and rates as typed, with the locale's decimal mark: "1.5" → "1,5" (es); no rounding. */
export function formatDecimal(value: string, locale: Locale): string {
  parse(value, "value");
  return locale === "es" ? value.replace(".", ",") : value;
}
