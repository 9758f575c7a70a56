import { computeLine, computeTotals, type DocumentTotals, type LineAmounts } from "@/lib/documents/totals";
import type { DocumentLineInput } from "./document";
import { lineNumberRules, parseDecimalInput } from "./document-line";

export interface PreviewTotals {
  /** null for a line whose numbers are not (yet) valid. */
  lines: (LineAmounts | null)[];
  subtotal: string;
  taxTotal: string;
  total: string;
  /** False while some line cannot be computed: the sums then leave it out. */
  complete: boolean;
}

/**
 * Totals for the form as the user types, with the same parsing ("1,5") and the same rounding as
 * the server. Display only: the server recomputes from the saved lines.
 */
export function previewTotals(lines: readonly Partial<DocumentLineInput>[]): PreviewTotals {
  const parsed = lines.map((line) => {
    const q = parseDecimalInput(line.quantity ?? "", lineNumberRules.quantity);
    const p = parseDecimalInput(line.unitPrice ?? "", lineNumberRules.unitPrice);
    const r = parseDecimalInput(line.taxRate ?? "", lineNumberRules.taxRate);
    return q.ok && p.ok && r.ok ? { quantity: q.value, unitPrice: p.value, taxRate: r.value } : null;
  });
  const valid = parsed.filter((line) => line !== null);
  const totals: DocumentTotals = computeTotals(valid);
  return {
    lines: parsed.map((line) => (line ? computeLine(line) : null)),
    subtotal: totals.subtotal,
    taxTotal: totals.taxTotal,
    total: totals.total,
    complete: valid.length === parsed.length,
  };
}
