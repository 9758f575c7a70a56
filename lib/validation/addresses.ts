/*
 * Email addresses as typed by people, checked before they reach a mail header.
 * Deliberately stricter than RFC 5322: ASCII only (IDN domains can be typed as punycode, "xn--…"),
 * no display names, quotes, comments or IP-literal domains, and the domain needs a dot and a
 * letter TLD. That rules out header injection (CR, LF, NUL, any control char), "<>" smuggling and
 * look-alike Unicode letters in one go.
 * Free of zod, so forms can use it in the browser without a schema; the schemas are in ./address-schemas.
 */
const atext = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const label = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const tld = "(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})";
const emailPattern = new RegExp(`^${atext}(?:\\.${atext})*@(?:${label}\\.)+${tld}$`);

export const MAX_ADDRESS_LENGTH = 254;
/** More than this in one field is a paste accident, not a recipient list. */
export const MAX_ADDRESSES = 50;

export function isEmailAddress(value: string): boolean {
  if (value.length > MAX_ADDRESS_LENGTH) return false;
  const at = value.lastIndexOf("@");
  return at > 0 && at <= 64 && emailPattern.test(value);
}

export type AddressListResult =
  | { ok: true; addresses: string[] }
  | { ok: false; invalid: string[] };

/**
 * "a@x.com; b@y.com,,  " → ["a@x.com", "b@y.com"]. Separators are "," and ";"; blanks are dropped,
 * repeats (ignoring case) are kept once. Anything else that is not a plain address is returned in
 * `invalid`, as typed, so the form can show it. Line breaks are not separators: pasting
 * "a@x.com\r\nBcc: c@z.com" is an attack or an accident, and is reported, never split.
 */
export function parseAddressList(input: string): AddressListResult {
  const addresses: string[] = [];
  const seen = new Set<string>();
  const invalid: string[] = [];
  for (const part of input.split(/[,;]/)) {
    const candidate = part.replace(/^[ \t]+|[ \t]+$/g, "");
    if (candidate === "") continue;
    if (!isEmailAddress(candidate)) {
      invalid.push(candidate);
      continue;
    }
    const key = candidate.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    addresses.push(candidate);
  }
  return invalid.length > 0 ? { ok: false, invalid } : { ok: true, addresses };
}

/** How an address list is stored (contacts.emails, reply-to) and shown: "a@x.com, b@y.com". */
export function joinAddressList(addresses: readonly string[]): string {
  return addresses.join(", ");
}
