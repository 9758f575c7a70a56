import { isIP } from "node:net";

/** Set by scripts/server.mjs from the request's socket; a client's own copy is overwritten. */
export const PEER_HEADER = "x-mailroom-peer";

type HeaderSource = Record<string, unknown> | Headers;

function header(headers: HeaderSource, name: string): string {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? value.join(",") : "";
}

/** "::ffff:127.0.0.1" → "127.0.0.1", so one client has one spelling. */
function normalize(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(trimmed);
  return mapped ? mapped[1] : trimmed;
}

export type ProxyTrust = { hops: number } | { proxies: Set<string> };

/** TRUST_PROXY: unset → trust no proxy; a number → that many proxies in front; else a list of proxy addresses. */
export function parseTrustProxy(value: string | undefined): ProxyTrust {
  const raw = (value ?? "").trim();
  if (/^\d+$/.test(raw)) return { hops: Number(raw) };
  return { proxies: new Set(raw.split(/[\s,]+/).filter(Boolean).map(normalize)) };
}

/**
 * The caller's address: the socket's, unless TRUST_PROXY says which X-Forwarded-For entries were
 * written by our own proxies. Without the server's peer header (e.g. `next dev`) it is "unknown".
 */
export function clientIp(headers: HeaderSource, trust: ProxyTrust = parseTrustProxy(process.env.TRUST_PROXY)): string {
  const peer = normalize(header(headers, PEER_HEADER));
  if (!isIP(peer)) return "unknown";
  const forwarded = header(headers, "x-forwarded-for").split(",").map(normalize).filter((a) => isIP(a));
  // Nearest hop last: proxies append the address they received the request from.
  const chain = [...forwarded, peer];
  if ("hops" in trust) return chain[Math.max(0, chain.length - 1 - trust.hops)];
  let index = chain.length - 1;
  while (index > 0 && trust.proxies.has(chain[index])) index--;
  return chain[index];
}

/** Loopback: the machine Mailroom runs on. */
export function isLoopback(address: string): boolean {
  return /^127\.\d+\.\d+\.\d+$/.test(address) || address === "::1";
}
