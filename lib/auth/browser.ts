// next-auth's own sign-in endpoint called directly from the browser: next-auth/react (and the
// Babel runtime it brings) would cost every page about 14 kB gzip for one form post.
const AUTH_BASE = "/api/auth";

async function csrfToken(): Promise<string> {
  const response = await fetch(`${AUTH_BASE}/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return csrfToken;
}

async function postAuthForm(path: string, fields: Record<string, string>): Promise<{ response: Response; url: string | undefined }> {
  const response = await fetch(`${AUTH_BASE}/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" }),
  });
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  return { response, url };
}

/**
 * Signs in with the credentials provider without leaving the page. `error` is what authorize()
 * threw ("invalid", "throttled:<minutes>") or next-auth's own code, as next-auth/react reports it.
 */
export async function signInWithPassword(email: string, password: string): Promise<{ ok: boolean; error: string | null }> {
  const { response, url } = await postAuthForm("callback/credentials", { email, password, callbackUrl: window.location.href });
  const error = url ? new URL(url, window.location.href).searchParams.get("error") : "Callback";
  return { ok: response.ok && !error, error };
}
