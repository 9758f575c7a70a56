import Decimal from "decimal.js";
import "./zod-jitless";
import { z } from "zod";
import { documentTypeInfo, type DocumentType } from "@/lib/documents/types";
import { multiLineText, singleLineText } from "./text";

export const MAX_LINES = 200;

/** 2024-02-29 yes, 2023-02-29 no. Plain calendar dates: no time zone involved. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

interface DecimalRules {
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
 */
export function decimalInput(rules: DecimalRules) {
  return z.string("validation.required").transform((raw, ctx) => {
    let s = raw.trim();
    if (s === "" && rules.emptyAs !== undefined) return rules.emptyAs;
    if (s === "") {
      ctx.addIssue({ code: "custom", message: "validation.required" });
      return z.NEVER;
    }
    if (/^-?\d*,\d+$/.test(s)) s = s.replace(",", ".");
    const m = /^(-?)(\d*)(?:\.(\d+))?$/.exec(s);
    if (!m || (m[2] === "" && m[3] === undefined)) {
      ctx.addIssue({ code: "custom", message: "validation.decimal" });
      return z.NEVER;
    }
    const integer = m[2].replace(/^0+(?=\d)/, "") || "0";
    const fraction = m[3] ?? "";
    if (integer.length > rules.maxIntegerDigits) {
      ctx.addIssue({ code: "custom", message: "validation.decimalTooLarge" });
      return z.NEVER;
    }
    if (fraction.length > rules.maxFractionDigits) {
      ctx.addIssue({ code: "custom", message: "validation.decimalTooPrecise" });
      return z.NEVER;
    }
    const isZero = /^0*$/.test(integer + fraction);
    const canonical = (m[1] && !isZero ? "-" : "") + integer + (fraction ? "." + fraction : "");
    const value = new Decimal(canonical);
    if ((rules.min !== undefined && value.lt(rules.min)) || (rules.max !== undefined && value.gt(rules.max))) {
      ctx.addIssue({ code: "custom", message: rules.rangeMessage ?? "validation.decimal" });
      return z.NEVER;
    }
    return canonical;
  });
}

/** A tax rate in percent, 0–100, as on a line or as the business's default. */
export function taxRateInput({ emptyAs }: { emptyAs: string }) {
  return decimalInput({ maxIntegerDigits: 3, maxFractionDigits: 4, min: 0, max: 100, rangeMessage: "validation.taxRateRange", emptyAs });
}

/**
 * One line. Negative quantities and prices are allowed (discount or return lines on an invoice);
 * a credit note is a credit by its type, so its lines are normally positive.
 */
export const documentLineSchema = z.object({
  description: multiLineText({ max: 500, required: true }),
  quantity: decimalInput({ maxIntegerDigits: 9, maxFractionDigits: 4 }),
  unitPrice: decimalInput({ maxIntegerDigits: 12, maxFractionDigits: 4 }),
  // A blank tax rate is a line without tax, not a mistake.
  taxRate: taxRateInput({ emptyAs: "0" }),
});
export type DocumentLineInput = z.input<typeof documentLineSchema>;
export type DocumentLineValues = z.output<typeof documentLineSchema>;

/** A new, empty line: one unit, at the business's default tax rate ("" when it has none). */
export function newDocumentLine(defaultTaxRate: string): DocumentLineInput {
  return { description: "", quantity: "1", unitPrice: "", taxRate: defaultTaxRate };
}

const issueDate = z
  .string("validation.required")
  .trim()
  .min(1, "validation.required")
  .refine(isIsoDate, "validation.date");

const optionalDate = z
  .string()
  .nullish()
  .transform((s) => (s ?? "").trim())
  .refine((s) => s === "" || isIsoDate(s), "validation.date")
  .transform((s) => (s === "" ? null : s));

function buildSchema(hasDueDate: boolean) {
  return z
    .object({
      contactId: z.coerce
        .number("validation.contactRequired")
        .int("validation.contactRequired")
        .positive("validation.contactRequired"),
      reference: singleLineText({ max: 40, required: true }),
      issueDate,
      dueDate: optionalDate,
      notes: multiLineText({ max: 5000, required: false }).optional().transform((s) => s ?? ""),
      lines: z
        .array(documentLineSchema, "validation.linesMin")
        .min(1, "validation.linesMin")
        .max(MAX_LINES, "validation.linesMax"),
    })
    .refine((v) => !hasDueDate || v.dueDate === null || v.dueDate >= v.issueDate, {
      message: "validation.dueBeforeIssue",
      path: ["dueDate"],
      // Runs even while other fields (lines, reference…) still have errors, as long as both dates parsed.
      when: ({ value }) => {
        const v = value as { issueDate?: unknown; dueDate?: unknown };
        return (
          typeof v.issueDate === "string" && isIsoDate(v.issueDate.trim()) &&
          typeof v.dueDate === "string" && isIsoDate(v.dueDate.trim())
        );
      },
    })
    .transform((v) => (hasDueDate ? v : { ...v, dueDate: null }));
}

const schemas = {
  withDueDate: buildSchema(true),
  withoutDueDate: buildSchema(false),
};

/**
 * The document form for one type (same schema in the form's zodResolver and the action's
 * safeParse). Types without a due date (credit notes, purchase orders) always output dueDate null.
 */
export function documentFormSchemaFor(type: DocumentType) {
  return documentTypeInfo[type].hasDueDate ? schemas.withDueDate : schemas.withoutDueDate;
}
export type DocumentFormInput = z.input<ReturnType<typeof documentFormSchemaFor>>;
export type DocumentFormValues = z.output<ReturnType<typeof documentFormSchemaFor>>;
