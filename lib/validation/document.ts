import "./zod-jitless";
import { z } from "zod";
import { documentTypeInfo, type DocumentType } from "@/lib/documents/types";
import { lineNumberRules, MAX_LINES, parseDecimalInput, taxRateRules, type DecimalRules } from "./document-line";
import { multiLineText, singleLineText } from "./text";

/** 2024-02-29 yes, 2023-02-29 no. Plain calendar dates: no time zone involved. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A number typed into a form, kept as a decimal string (see parseDecimalInput). */
export function decimalInput(rules: DecimalRules) {
  return z.string("validation.required").transform((raw, ctx) => {
    const parsed = parseDecimalInput(raw, rules);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  });
}

/** A tax rate in percent, 0–100, as on a line or as the business's default. */
export function taxRateInput({ emptyAs }: { emptyAs: string }) {
  return decimalInput(taxRateRules(emptyAs));
}

/**
 * One line. Negative quantities and prices are allowed (discount or return lines on an invoice);
 * a credit note is a credit by its type, so its lines are normally positive.
 */
export const documentLineSchema = z.object({
  description: multiLineText({ max: 500, required: true }),
  quantity: decimalInput(lineNumberRules.quantity),
  unitPrice: decimalInput(lineNumberRules.unitPrice),
  taxRate: decimalInput(lineNumberRules.taxRate),
});
export type DocumentLineInput = z.input<typeof documentLineSchema>;
export type DocumentLineValues = z.output<typeof documentLineSchema>;

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
 * The document form for one type (the action's safeParse; the form's running totals read the lines
 * with ./document-line). Types without a due date (credit notes, purchase orders) always output dueDate null.
 */
export function documentFormSchemaFor(type: DocumentType) {
  return documentTypeInfo[type].hasDueDate ? schemas.withDueDate : schemas.withoutDueDate;
}
export type DocumentFormInput = z.input<ReturnType<typeof documentFormSchemaFor>>;
export type DocumentFormValues = z.output<ReturnType<typeof documentFormSchemaFor>>;
