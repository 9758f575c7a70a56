// Server action POSTs that Next.js would answer with a 500 (its own checks throw): refused here
// with a plain 4xx and no stack.
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

export type ActionRefusal = { status: 400 | 403 | 413; reason: string } | null;

export async function refuseMalformedAction(request: Request): Promise<ActionRefusal> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      // "null" and other unparsable origins are foreign.
    }
    if (originHost !== host) return { status: 403, reason: "foreign origin" };
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_ACTION_BODY_BYTES) return { status: 413, reason: "too large" };
  // Arguments sent as text are React's JSON encoding; anything unparsable would crash the decoder.
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("text/plain")) {
    const text = await request.clone().text();
    if (text.length > MAX_ACTION_BODY_BYTES) return { status: 413, reason: "too large" };
    try {
      JSON.parse(text);
    } catch {
      return { status: 400, reason: "malformed" };
    }
  }
  return null;
}
