/**
 * Route handlers do not get the Origin check Next.js gives server actions: refuse a request
 * whose Origin (when the browser sends one) is not this site.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** JSON endpoints accept only JSON: a cross-site HTML form cannot send it without a preflight. */
export function isJsonRequest(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json");
}
