import { describe, expect, it } from "vitest";
import { compareDecimals, computeLine, computeTotals, formatDecimal, formatMoney } from "./totals";

describe("computeLine", () => {
  it("3 × 0.10 at 21 % is 0.30 + 0.06 = 0.36 (floats would say 0.30000000000000004)", () => {
    expect(computeLine({ quantity: "3", unitPrice: "0.1", taxRate: "21" })).toEqual({ net: "0.30", tax: "0.06", total: "0.36" });
  });

  it("adds 0.1 + 0.2 exactly", () => {
    expect(computeTotals([
      { quantity: "1", unitPrice: "0.1", taxRate: "0" },
      { quantity: "1", unitPrice: "0.2", taxRate: "0" },
    ]).total).toBe("0.30");
  });

  it("rounds the net to cents half up, then the tax from the rounded net", () => {
    // 0.125 → 0.13 (half up); tax 0.13 × 10 % = 0.013 → 0.01
    expect(computeLine({ quantity: "1", unitPrice: "0.125", taxRate: "10" })).toEqual({ net: "0.13", tax: "0.01", total: "0.14" });
    // 1.005 is not representable as a float (1.00499…); as a decimal it rounds up to 1.01
    expect(computeLine({ quantity: "1", unitPrice: "1.005", taxRate: "0" }).net).toBe("1.01");
    // 2.50 × 21 % = 0.525 → 0.53
    expect(computeLine({ quantity: "1", unitPrice: "2.5", taxRate: "21" }).tax).toBe("0.53");
  });

  it("rounds fractional quantities and reduced rates", () => {
    expect(computeLine({ quantity: "1.5", unitPrice: "9.99", taxRate: "5.5" })).toEqual({ net: "14.99", tax: "0.82", total: "15.81" });
  });

  it("handles negative quantities (discount or return lines) symmetrically", () => {
    expect(computeLine({ quantity: "-2", unitPrice: "10.005", taxRate: "21" })).toEqual({ net: "-20.01", tax: "-4.20", total: "-24.21" });
    expect(computeLine({ quantity: "-1", unitPrice: "0.001", taxRate: "0" }).net).toBe("0.00");
  });

  it("stays exact for large values (checked against Python's decimal module)", () => {
    expect(computeLine({ quantity: "123456789.1234", unitPrice: "987654321098.7654", taxRate: "21" })).toEqual({
      net: "121932631246705071371.89",
      tax: "25605852561808064988.10",
      total: "147538483808513136359.99",
    });
  });

  it("refuses strings that are not plain decimals instead of guessing", () => {
    expect(() => computeLine({ quantity: "1e3", unitPrice: "1", taxRate: "0" })).toThrow(TypeError);
    expect(() => computeLine({ quantity: "1", unitPrice: "1,5", taxRate: "0" })).toThrow(TypeError);
    expect(() => computeLine({ quantity: "1", unitPrice: "NaN", taxRate: "0" })).toThrow(TypeError);
    expect(() => computeLine({ quantity: "", unitPrice: "1", taxRate: "0" })).toThrow(TypeError);
  });
});

describe("computeTotals", () => {
  it("sums the rounded lines, so printed lines always add up to the printed totals", () => {
    // Each line's tax is 0.333 → 0.33; taxing the subtotal instead would give 1.00.
    const lines = Array.from({ length: 3 }, () => ({ quantity: "1", unitPrice: "1.11", taxRate: "30" }));
    expect(computeTotals(lines)).toEqual({
      lines: [
        { net: "1.11", tax: "0.33", total: "1.44" },
        { net: "1.11", tax: "0.33", total: "1.44" },
        { net: "1.11", tax: "0.33", total: "1.44" },
      ],
      subtotal: "3.33",
      taxTotal: "0.99",
      total: "4.32",
    });
  });

  it("mixes rates", () => {
    const t = computeTotals([
      { quantity: "2", unitPrice: "100", taxRate: "21" },
      { quantity: "1", unitPrice: "50", taxRate: "10" },
      { quantity: "3", unitPrice: "4.99", taxRate: "0" },
    ]);
    expect([t.subtotal, t.taxTotal, t.total]).toEqual(["264.97", "47.00", "311.97"]);
  });

  it("is zero for no lines", () => {
    expect(computeTotals([])).toEqual({ lines: [], subtotal: "0.00", taxTotal: "0.00", total: "0.00" });
  });
});

// Intl puts a no-break space between a Spanish amount and its symbol; compare with plain spaces.
const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("formatMoney", () => {
  it("writes the business's currency the reader's way: €282.00 in English, 282,00 € in Spanish", () => {
    expect(formatMoney("282", "en", "EUR")).toBe("€282.00");
    expect(plain(formatMoney("282", "es", "EUR"))).toBe("282,00 €");
    expect(formatMoney("282", "en", "USD")).toBe("$282.00");
    expect(plain(formatMoney("282", "es", "USD"))).toBe("282,00 US$");
    expect(formatMoney("282", "en", "GBP")).toBe("£282.00");
    expect(formatMoney("282", "en", "MXN")).toBe("MX$282.00");
    expect(plain(formatMoney("282", "es", "MXN"))).toBe("282,00 MXN");
  });

  it("groups thousands the English and Spanish way", () => {
    expect(formatMoney("1234.56", "en", "EUR")).toBe("€1,234.56");
    expect(plain(formatMoney("1234.56", "es", "EUR"))).toBe("1.234,56 €");
    expect(formatMoney("1234567.5", "en", "USD")).toBe("$1,234,567.50");
    expect(plain(formatMoney("1234567.5", "es", "EUR"))).toBe("1.234.567,50 €");
  });

  it("keeps small, negative and huge amounts exact", () => {
    expect(formatMoney("0", "en", "EUR")).toBe("€0.00");
    expect(formatMoney("999.999", "en", "EUR")).toBe("€1,000.00");
    expect(plain(formatMoney("-1234.5", "es", "EUR"))).toBe("-1.234,50 €");
    expect(formatMoney("-0.001", "en", "EUR")).toBe("€0.00");
    expect(formatMoney("0.005", "en", "EUR")).toBe("€0.01");
    // Beyond a double's 15–17 digits: a float would print …890.00 or worse.
    expect(formatMoney("12345678901234567890.12", "en", "USD")).toBe("$12,345,678,901,234,567,890.12");
    expect(plain(formatMoney("12345678901234567890.12", "es", "EUR"))).toBe("12.345.678.901.234.567.890,12 €");
  });

  it("refuses what is not a decimal string rather than printing NaN", () => {
    expect(() => formatMoney("12,50", "en", "EUR")).toThrow(TypeError);
  });
});

describe("formatDecimal", () => {
  it("shows quantities and rates as typed with the locale's decimal mark", () => {
    expect(formatDecimal("1.5", "es")).toBe("1,5");
    expect(formatDecimal("21", "es")).toBe("21");
    expect(formatDecimal("0.125", "en")).toBe("0.125");
  });
});

describe("compareDecimals", () => {
  it("orders decimal strings exactly, whatever their number of places", () => {
    expect(compareDecimals("100", "100.0000")).toBe(0);
    expect(compareDecimals("100.0001", "100")).toBe(1);
    expect(compareDecimals("-0.5", "0")).toBe(-1);
    // Past a double's precision: as floats these two are the same number.
    expect(compareDecimals("9007199254740993", "9007199254740992.9999")).toBe(1);
  });
});
