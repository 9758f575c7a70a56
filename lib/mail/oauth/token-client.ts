import "server-only";
import { redactSecrets } from "../explain";
import { OAUTH_SCOPES, oauthEndpoints, type OAuthProvider } from "./providers";

/** Each call to a provider is bounded, so a send or test never hangs on it. */
export const OAUTH_REQUEST_TIMEOUT_MS = 10_000;

export interface TokenSet {
  accessToken: string;
  /** Present when the provider issued (or rotated) one; Google usually omits it on refresh. */
  refreshToken?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface OAuthClient {
  provider: OAuthProvider;
  clientId: string;
  clientSecret: string;
  tenant: string;
}

/**
 * A provider answered with an error. `body` is the parsed error body (OAuth JSON, Graph or Gmail
 * error object) and `raw` its text with every secret of the request redacted.
 */
export class ProviderHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly raw: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(`The provider answered HTTP ${status}`);
    this.name = "ProviderHttpError";
  }
}

/** Retry-After in seconds, from either form the header may take (seconds or an HTTP date). */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Reads an error answer into a ProviderHttpError, keeping no secret in its text. */
export async function providerError(response: Response, secrets: readonly string[]): Promise<ProviderHttpError> {
  const text = redactSecrets(await response.text().catch(() => ""), secrets).slice(0, 2000);
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object") body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: the raw text is all there is
  }
  return new ProviderHttpError(response.status, body, text, retryAfterSeconds(response.headers.get("retry-after")));
}

async function tokenRequest(client: OAuthClient, grant: Record<string, string>, secrets: string[], now: () => number): Promise<TokenSet> {
  const { tokenUrl } = oauthEndpoints(client.provider, client.tenant);
  // Credentials in the body (client_secret_post): both providers accept it for web apps.
  const form = new URLSearchParams({ client_id: client.clientId, client_secret: client.clientSecret, ...grant });
  const response = await fetch(tokenUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: form,
    signal: AbortSignal.timeout(OAUTH_REQUEST_TIMEOUT_MS),
    redirect: "error",
  });
  const allSecrets = [client.clientSecret, ...secrets];
  if (!response.ok) throw await providerError(response, allSecrets);
  const body = (await response.json()) as { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown };
  if (typeof body.access_token !== "string" || !body.access_token) {
    throw new ProviderHttpError(response.status, { error: "invalid_response" }, "The token endpoint answered without an access token.");
  }
  const expiresIn = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    refreshToken: typeof body.refresh_token === "string" && body.refresh_token ? body.refresh_token : undefined,
    // Without expires_in, assume the common hour.
    expiresAt: now() + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600) * 1000,
  };
}

/** Trades the authorization code (with its PKCE verifier) for the first tokens. */
export function exchangeAuthorizationCode(
  client: OAuthClient,
  { code, codeVerifier, redirectUri }: { code: string; codeVerifier: string; redirectUri: string },
  now: () => number = Date.now,
): Promise<TokenSet> {
  return tokenRequest(
    client,
    { grant_type: "authorization_code", code, code_verifier: codeVerifier, redirect_uri: redirectUri, scope: OAUTH_SCOPES[client.provider] },
    [code, codeVerifier],
    now,
  );
}

/** A new access token; the scope is sent because Microsoft's v2.0 endpoint wants it on refresh too. */
export function refreshAccessToken(client: OAuthClient, refreshToken: string, now: () => number = Date.now): Promise<TokenSet> {
  return tokenRequest(client, { grant_type: "refresh_token", refresh_token: refreshToken, scope: OAUTH_SCOPES[client.provider] }, [refreshToken], now);
}

/** The signed-in mailbox: Graph /me (`mail`, else `userPrincipalName`) or OpenID userinfo (`email`). */
export async function fetchConnectedAddress(provider: OAuthProvider, accessToken: string, tenant?: string): Promise<string> {
  const { accountUrl } = oauthEndpoints(provider, tenant);
  const response = await fetch(accountUrl, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json" },
    signal: AbortSignal.timeout(OAUTH_REQUEST_TIMEOUT_MS),
    redirect: "error",
  });
  if (!response.ok) throw await providerError(response, [accessToken]);
  const body = (await response.json()) as { mail?: unknown; userPrincipalName?: unknown; email?: unknown };
  const address = provider === "microsoft" ? body.mail || body.userPrincipalName : body.email;
  if (typeof address !== "string" || !address.includes("@")) {
    throw new ProviderHttpError(response.status, { error: "no_address" }, "The account has no email address.");
  }
  return address.trim();
}

/** Google's revoke endpoint; Microsoft offers none to a web app, so there the stored tokens are only deleted. */
export async function revokeToken(provider: OAuthProvider, token: string): Promise<void> {
  const { revokeUrl } = oauthEndpoints(provider);
  if (!revokeUrl) return;
  const response = await fetch(revokeUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token }),
    signal: AbortSignal.timeout(OAUTH_REQUEST_TIMEOUT_MS),
    redirect: "error",
  });
  // 400 invalid_token means it was already revoked or expired: the goal is reached either way.
  if (!response.ok && response.status !== 400) throw await providerError(response, [token]);
}
