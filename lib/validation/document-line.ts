import { compareDecimals } from "@/lib/documents/totals";
import type { DocumentLineInput } from "./document";

// The parts of a document line the form needs while typing (running totals, new lines), kept free
// of zod so the document form ships no schema to the browser; lib/validation/document builds on them.

export const MAX_LINES = 200;

export interface DecimalRules {
  maxIntegerDigits: number;
  maxFractionDigits: number;
  min?: number;
  max?: number;
  rangeMessage?: string;
  /** What a blank field means; without it a blank field is "required". */
  emptyAs?: string;
}

/**
 * A number typed into a form, kept as a decimal string. Accepts "1", "1.5", "-2", ".5", and a
 * decimal comma ("1,5"); rejects thousands separators ("1,234.5"), exponents and signs like "+".
 * Output is canonical ("007,50" → "7.50"): leading zeros go, the typed fraction stays.
 * Messages are catalog keys.
 */
export function parseDecimalInput(raw: string, rules: DecimalRules): { ok: true; value: string } | { ok: false; message: string } {
  let s = raw.trim();
  if (s === "" && rules.emptyAs !== undefined) return { ok: true, value: rules.emptyAs };
  if (s === "") return { ok: false, message: "validation.required" };
  if (/^-?\d*,\d+$/.test(s)) s = s.replace(",", ".");
  const m = /^(-?)(\d*)(?:\.(\d+))?$/.exec(s);
  if (!m || (m[2] === "" && m[3] === undefined)) return { ok: false, message: "validation.decimal" };
  const integer = m[2].replace(/^0+(?=\d)/, "") || "0";
  const fraction = m[3] ?? "";
  if (integer.length > rules.maxIntegerDigits) return { ok: false, message: "validation.decimalTooLarge" };
  if (fraction.length > rules.maxFractionDigits) return { ok: false, message: "validation.decimalTooPrecise" };
  const isZero = /^0*$/.test(integer + fraction);
  const value = (m[1] && !isZero ? "-" : "") + integer + (fraction ? "." + fraction : "");
  if ((rules.min !== undefined && compareDecimals(value, String(rules.min)) < 0) || (rules.max !== undefined && compareDecimals(value, String(rules.max)) > 0)) {
    return { ok: false, message: rules.rangeMessage ?? "validation.decimal" };
  }
  return { ok: true, value };
}

/** A tax rate in percent, 0–100, as on a line or as the business's default. */
export function taxRateRules(emptyAs: string): DecimalRules {
  return { maxIntegerDigits: 3, maxFractionDigits: 4, min: 0, max: 100, rangeMessage: "validation.taxRateRange", emptyAs };
}

/** A line's numbers. A blank tax rate is a line without tax, not a mistake. */
export const lineNumberRules = {
  quantity: { maxIntegerDigits: 9, maxFractionDigits: 4 },
  unitPrice: { maxIntegerDigits: 12, maxFractionDigits: 4 },
  taxRate: taxRateRules("0"),
} satisfies Record<string, DecimalRules>;

/** A new, empty line: one unit, at the business's default tax rate ("" when it has none). */
export function newDocumentLine(defaultTaxRate: string): DocumentLineInput {
  return { description: "", quantity: "1", unitPrice: "", taxRate: defaultTaxRate };
}
