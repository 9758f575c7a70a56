/** A callbackUrl next-auth may send the browser to: a path here, or a URL on this site. */
export function isSafeCallbackUrl(value: string, siteOrigin: string): boolean {
  if (value.startsWith("/")) return !value.startsWith("//") && !value.startsWith("/\\");
  try {
    return new URL(value).origin === siteOrigin;
  } catch {
    return false;
  }
}

/** Every callbackUrl a next-auth request carries: query string, form body, cookie. */
export async function callbackUrlsOf(request: Request): Promise<string[]> {
  const urls = new URL(request.url).searchParams.getAll("callbackUrl");
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (request.method === "POST" && type.startsWith("application/x-www-form-urlencoded")) {
    const body = await request.clone().text();
    urls.push(...new URLSearchParams(body.slice(0, 64 * 1024)).getAll("callbackUrl"));
  }
  return urls;
}
