import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { isBlockedAddress } from "./blocked-address";

type Lookup = (host: string) => Promise<Array<{ address: string }>>;
const lookupAll: Lookup = (host) => dnsLookup(host, { all: true });

/**
 * A host name that resolves to a refused address (see ./blocked-address) is refused too.
 * A name that does not resolve is left to the staged test, which explains "host not found".
 */
export async function resolvesToBlockedAddress(host: string, lookup: Lookup = lookupAll): Promise<boolean> {
  const bare = host.trim().replace(/^\[|\]$/g, "");
  if (!bare) return false;
  if (isIP(bare)) return isBlockedAddress(bare);
  try {
    const addresses = await lookup(bare);
    return addresses.some((a) => isBlockedAddress(a.address));
  } catch {
    return false;
  }
}

/** Field errors (for the form) when the transport's server resolves to a refused address; null when fine. */
export async function blockedDestinationErrors(
  // Sign-in kinds (Microsoft, Google) send to the providers' fixed endpoints: nothing typed to check.
  destination: { kind: "smtp"; host: string } | { kind: "http"; url: string } | { kind: "microsoft" | "google" } | { protocol: string; smtpHost: string; httpUrl: string },
  lookup: Lookup = lookupAll,
): Promise<Record<string, string> | null> {
  const smtpHost = "kind" in destination ? (destination.kind === "smtp" ? destination.host : "") : destination.protocol === "smtp" ? destination.smtpHost : "";
  const httpUrl = "kind" in destination ? (destination.kind === "http" ? destination.url : "") : destination.protocol === "http" ? destination.httpUrl : "";
  if (smtpHost && (await resolvesToBlockedAddress(smtpHost, lookup))) return { smtpHost: "emailSettings.errors.hostBlocked" };
  if (httpUrl && (await resolvesToBlockedAddress(new URL(httpUrl).hostname, lookup))) return { httpUrl: "emailSettings.errors.hostBlocked" };
  return null;
}
