import type { Locale } from "@/lib/i18n/locale";

/**
 * The currencies a business can choose (ISO 4217). Only ones with two decimal places: amounts are
 * kept to the cent, so a currency Intl shows without decimals would hide part of them.
 */
export const currencies = [
  "EUR", "USD", "GBP", "MXN", "ARS", "PEN", "UYU", "BOB", "DOP", "GTQ", "CRC", "HNL", "NIO", "PAB",
  "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "BRL", "MAD", "ZAR", "CNY",
] as const;
export type Currency = (typeof currencies)[number];

export function isCurrency(value: unknown): value is Currency {
  return typeof value === "string" && (currencies as readonly string[]).includes(value);
}

const eurozone = ["ES", "DE", "FR", "IT", "PT", "NL", "BE", "AT", "IE", "FI", "GR", "LU", "SK", "SI", "EE", "LV", "LT", "MT", "CY", "HR", "AD"];
const byRegion: Record<string, Currency> = {
  ...Object.fromEntries(eurozone.map((region) => [region, "EUR" as const])),
  US: "USD", EC: "USD", SV: "USD", PR: "USD", GB: "GBP", MX: "MXN", AR: "ARS", PE: "PEN", UY: "UYU",
  BO: "BOB", DO: "DOP", GT: "GTQ", CR: "CRC", HN: "HNL", NI: "NIO", PA: "PAB", CA: "CAD", AU: "AUD",
  NZ: "NZD", CH: "CHF", SE: "SEK", NO: "NOK", DK: "DKK", PL: "PLN", CZ: "CZK", BR: "BRL", MA: "MAD",
  ZA: "ZAR", CN: "CNY",
};
const byLanguage: Record<Locale, Currency> = { en: "USD", es: "EUR" };

/**
 * The first administrator's likely currency: the region of their browser's first language with
 * one ("es-MX" → MXN, "en-GB" → GBP), else their language's most common one.
 */
export function defaultCurrencyFor(acceptLanguage: string | null | undefined, locale: Locale): Currency {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const region = part.split(";")[0].trim().split("-")[1]?.toUpperCase();
    if (region && byRegion[region]) return byRegion[region];
  }
  return byLanguage[locale];
}

/** "EUR — Euro (€)" / "EUR — euro (€)": what the Currency field lists, in the reader's language. */
export function currencyOptionLabel(currency: Currency, locale: Locale): string {
  const name = new Intl.DisplayNames([locale], { type: "currency" }).of(currency) ?? currency;
  const symbol =
    new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "narrowSymbol" })
      .formatToParts(0)
      .find((part) => part.type === "currency")?.value ?? currency;
  return symbol === currency ? `${currency} — ${name}` : `${currency} — ${name} (${symbol})`;
}
