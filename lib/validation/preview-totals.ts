import { computeLine, computeTotals, type DocumentTotals, type LineAmounts } from "@/lib/documents/totals";
import { documentLineSchema, type DocumentLineInput } from "./document";

export interface PreviewTotals {
  /** null for a line whose numbers are not (yet) valid. */
  lines: (LineAmounts | null)[];
  subtotal: string;
  taxTotal: string;
  total: string;
  /** False while some line cannot be computed: the sums then leave it out. */
  complete: boolean;
}

const { quantity, unitPrice, taxRate } = documentLineSchema.shape;

/**
 * Totals for the form as the user types, with the same parsing ("1,5") and the same rounding as
 * the server. Display only: the server recomputes from the saved lines.
 */
export function previewTotals(lines: readonly Partial<DocumentLineInput>[]): PreviewTotals {
  const parsed = lines.map((line) => {
    const q = quantity.safeParse(line.quantity ?? "");
    const p = unitPrice.safeParse(line.unitPrice ?? "");
    const r = taxRate.safeParse(line.taxRate ?? "");
    return q.success && p.success && r.success ? { quantity: q.data, unitPrice: p.data, taxRate: r.data } : null;
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
