import { describe, expect, it } from "vitest";
import { previewTotals } from "./preview-totals";

describe("previewTotals", () => {
  it("adds up typed lines exactly like the server", () => {
    expect(previewTotals([{ quantity: "3", unitPrice: "0.1", taxRate: "21" }])).toEqual({
      lines: [{ net: "0.30", tax: "0.06", total: "0.36" }],
      subtotal: "0.30",
      taxTotal: "0.06",
      total: "0.36",
      complete: true,
    });
  });

  it("reads a decimal comma", () => {
    expect(previewTotals([{ quantity: "1,5", unitPrice: "10", taxRate: "10" }]).total).toBe("16.50");
  });

  it("leaves out lines that are not numbers yet and says the sums are partial", () => {
    const preview = previewTotals([
      { quantity: "2", unitPrice: "5", taxRate: "0" },
      { quantity: "two", unitPrice: "5", taxRate: "0" },
      { quantity: "1", unitPrice: "", taxRate: "21" },
    ]);
    expect(preview.lines).toEqual([{ net: "10.00", tax: "0.00", total: "10.00" }, null, null]);
    expect(preview.total).toBe("10.00");
    expect(preview.complete).toBe(false);
  });

  it("is zero for no lines", () => {
    expect(previewTotals([])).toMatchObject({ subtotal: "0.00", taxTotal: "0.00", total: "0.00", complete: true });
  });
});
