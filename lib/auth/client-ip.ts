/**
 * The caller's address for throttling. Next.js fills x-forwarded-for from the socket when a
 * request arrives directly; behind a reverse proxy, the proxy must set it.
 */
export function clientIp(headers: Record<string, unknown> | Headers): string {
  const get = (name: string) =>
    headers instanceof Headers ? headers.get(name) : (headers[name] as string | undefined);
  const forwarded = get("x-forwarded-for");
  const first = typeof forwarded === "string" ? forwarded.split(",")[0].trim() : "";
  return (first || get("x-real-ip") || "unknown").slice(0, 64);
}
