import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/documents/totals";
import { currencies, currencyOptionLabel, defaultCurrencyFor } from "./currencies";

describe("currencies", () => {
  it("all keep cents, so no exact amount is shown rounded", () => {
    for (const currency of currencies) {
      expect(new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits, currency).toBe(2);
    }
  });

  it("all print with the PDF's built-in fonts (WinAnsi) in both languages", () => {
    const winAnsi = /^[\u0020-\u007e\u00a0-\u00ff€]+$/;
    for (const currency of currencies) {
      for (const locale of ["en", "es"] as const) expect(formatMoney("1234.5", locale, currency), `${currency} ${locale}`).toMatch(winAnsi);
    }
  });

  it("default from the first admin's browser: its region, else its language", () => {
    expect(defaultCurrencyFor("es-ES,es;q=0.9", "es")).toBe("EUR");
    expect(defaultCurrencyFor("es-MX,es;q=0.9,en;q=0.8", "es")).toBe("MXN");
    expect(defaultCurrencyFor("en-US,en;q=0.9", "en")).toBe("USD");
    expect(defaultCurrencyFor("en-GB", "en")).toBe("GBP");
    expect(defaultCurrencyFor("es", "es")).toBe("EUR");
    expect(defaultCurrencyFor("en", "en")).toBe("USD");
    expect(defaultCurrencyFor(null, "es")).toBe("EUR");
    expect(defaultCurrencyFor("xx-ZZ, fr-FR", "en")).toBe("EUR");
  });

  it("are listed with their symbol, named in the reader's language", () => {
    expect(currencyOptionLabel("EUR", "en")).toBe("EUR — Euro (€)");
    expect(currencyOptionLabel("EUR", "es")).toBe("EUR — euro (€)");
    expect(currencyOptionLabel("GBP", "es")).toBe("GBP — libra esterlina (£)");
    expect(currencyOptionLabel("CHF", "en")).toBe("CHF — Swiss Franc");
  });
});
