import type { Locale } from "@/lib/i18n/locale";

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

/** An exact decimal as BigInt arithmetic needs it: units ÷ 10^scale ("-2.50" → -250n, 2). No float ever holds an amount. */
interface Exact {
  units: bigint;
  scale: number;
}

const decimalString = /^(-?)(\d+)(?:\.(\d+))?$/;

function parse(value: string, field: string): Exact {
  const m = decimalString.exec(value);
  if (!m) throw new TypeError(`${field} is not a decimal string: ${JSON.stringify(value)}`);
  const fraction = m[3] ?? "";
  const units = BigInt(m[2] + fraction);
  return { units: m[1] ? -units : units, scale: fraction.length };
}

const pow10 = (n: number) => 10n ** BigInt(n);
const abs = (n: bigint) => (n < 0n ? -n : n);

/** Rounds to cents, ties away from zero (0.005 → 0.01, -0.005 → -0.01), as invoices do. */
function cents({ units, scale }: Exact): bigint {
  if (scale <= 2) return units * pow10(2 - scale);
  const divisor = pow10(scale - 2);
  const rounded = (abs(units) + divisor / 2n) / divisor;
  return units < 0n ? -rounded : rounded;
}

/** Cents as a decimal string: -2001n → "-20.01"; never "-0.00". */
function centsString(amount: bigint): string {
  const digits = abs(amount).toString().padStart(3, "0");
  return `${amount < 0n ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** a < b → negative, a = b → 0, a > b → positive; exact for any decimal strings. */
export function compareDecimals(a: string, b: string): number {
  const x = parse(a, "a");
  const y = parse(b, "b");
  const scale = Math.max(x.scale, y.scale);
  const difference = x.units * pow10(scale - x.scale) - y.units * pow10(scale - y.scale);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

function lineCents(line: LineInput) {
  const quantity = parse(line.quantity, "quantity");
  const unitPrice = parse(line.unitPrice, "unitPrice");
  const rate = parse(line.taxRate, "taxRate");
  const net = cents({ units: quantity.units * unitPrice.units, scale: quantity.scale + unitPrice.scale });
  // net (cents) × rate ÷ 100: two more decimal places for the cents and two for the percent.
  const tax = cents({ units: net * rate.units, scale: rate.scale + 4 });
  return { net, tax, total: net + tax };
}

/** net = round(quantity × unit price); tax = round(net × rate / 100); both to cents, half up. */
export function computeLine(line: LineInput): LineAmounts {
  const { net, tax, total } = lineCents(line);
  return { net: centsString(net), tax: centsString(tax), total: centsString(total) };
}

export function computeTotals(lines: readonly LineInput[]): DocumentTotals {
  let subtotal = 0n;
  let taxTotal = 0n;
  const out: LineAmounts[] = [];
  for (const line of lines) {
    const { net, tax, total } = lineCents(line);
    out.push({ net: centsString(net), tax: centsString(tax), total: centsString(total) });
    // Totals are sums of the already-rounded lines, so the document always adds up on paper.
    subtotal += net;
    taxTotal += tax;
  }
  return {
    lines: out,
    subtotal: centsString(subtotal),
    taxTotal: centsString(taxTotal),
    total: centsString(subtotal + taxTotal),
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
 * and handed to Intl as a string, so no float ever touches the amount.
 */
export function formatMoney(amount: string, locale: Locale, currency: string): string {
  return moneyFormat(locale, currency).format(centsString(cents(parse(amount.trim(), "amount"))) as `${number}`);
}

/** Quantities and rates as typed, with the locale's decimal mark: "1.5" → "1,5" (es); no rounding. */
export function formatDecimal(value: string, locale: Locale): string {
  parse(value, "value");
  return locale === "es" ? value.replace(".", ",") : value;
}
