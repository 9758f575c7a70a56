import "server-only";
import crypto from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { oauthStates } from "@/db/schema";
import { open, seal } from "@/lib/crypto/secret-box";
import { encryptionKey } from "@/lib/secrets";
import { removeConnectionTokens, saveConnection, savedClientSecret } from "./connection-store";
import { OAUTH_SCOPES, oauthEndpoints, oauthRedirectUri, serverWideRegistration, type OAuthProvider } from "./providers";
import { exchangeAuthorizationCode, fetchConnectedAddress, ProviderHttpError, revokeToken, type OAuthClient } from "./token-client";

/** A sign-in must come back within 10 minutes of starting. */
export const STATE_LIFETIME_MS = 10 * 60_000;

const base64url = (bytes: Buffer) => bytes.toString("base64url");
const hashState = (state: string) => base64url(crypto.createHash("sha256").update(state, "utf8").digest());
const stateContext = (stateHash: string, field: "code-verifier" | "client-secret") => `oauth-state:${stateHash}:${field}`;

/** PKCE (RFC 7636) with S256: the verifier stays here, only its hash goes to the provider. */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = base64url(crypto.randomBytes(32));
  return { verifier, challenge: base64url(crypto.createHash("sha256").update(verifier, "ascii").digest()) };
}

export interface SignInStart {
  businessId: number;
  userId: number;
  provider: OAuthProvider;
  clientId: string;
  /** As typed in the form; blank means the saved one (for the same client ID). */
  clientSecret: string;
  tenant: string;
}

export type StartResult = { ok: true; authorizeUrl: string } | { ok: false; error: "clientSecretRequired" };

/** Records a single-use state bound to this admin and returns where to send the browser. */
export function startSignIn(input: SignInStart, now = Date.now()): StartResult {
  const serverWide = serverWideRegistration(input.provider);
  const clientId = serverWide?.clientId ?? input.clientId;
  const typedSecret = serverWide ? "" : input.clientSecret;
  if (!serverWide && !typedSecret && !savedClientSecret(input.businessId, input.provider, clientId)) {
    return { ok: false, error: "clientSecretRequired" };
  }
  const tenant = input.provider === "microsoft" ? input.tenant : "";
  const state = base64url(crypto.randomBytes(32));
  const stateHash = hashState(state);
  const pkce = createPkcePair();
  const key = encryptionKey();
  const db = getDb();
  // Abandoned sign-ins are cleared as new ones start.
  db.delete(oauthStates).where(lt(oauthStates.expiresAt, now)).run();
  db.insert(oauthStates)
    .values({
      stateHash,
      businessId: input.businessId,
      userId: input.userId,
      provider: input.provider,
      codeVerifierSealed: seal(pkce.verifier, key, stateContext(stateHash, "code-verifier")),
      clientId,
      clientSecretSealed: typedSecret ? seal(typedSecret, key, stateContext(stateHash, "client-secret")) : null,
      tenant,
      expiresAt: now + STATE_LIFETIME_MS,
    })
    .run();

  const endpoints = oauthEndpoints(input.provider, tenant);
  const url = new URL(endpoints.authorizeUrl);
  const params = {
    client_id: clientId,
    response_type: "code",
    redirect_uri: oauthRedirectUri(input.provider),
    scope: OAUTH_SCOPES[input.provider],
    state,
    code_challenge: pkce.challenge,
    code_challenge_method: "S256",
    ...endpoints.authorizeParams,
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return { ok: true, authorizeUrl: url.toString() };
}

export interface SignInCallback {
  businessId: number;
  userId: number;
  provider: OAuthProvider;
  state: string | null;
  code: string | null;
  /** The provider's `error` and `error_description` when the user cancelled or it refused. */
  error: string | null;
  errorDescription: string | null;
}

export type CompleteResult =
  | { ok: true; address: string }
  | { ok: false; reason: "state_invalid" | "state_expired" }
  | { ok: false; reason: "provider"; error: unknown };

/**
 * Completes a sign-in. The state is consumed first, whatever happens next: a replay finds
 * nothing. Only a state this admin started, for this provider, within 10 minutes is accepted.
 */
export async function completeSignIn(input: SignInCallback, clock: () => number = Date.now): Promise<CompleteResult> {
  if (!input.state || input.state.length > 200) return { ok: false, reason: "state_invalid" };
  const stateHash = hashState(input.state);
  const row = getDb()
    .delete(oauthStates)
    .where(
      and(
        eq(oauthStates.stateHash, stateHash),
        eq(oauthStates.userId, input.userId),
        eq(oauthStates.businessId, input.businessId),
        eq(oauthStates.provider, input.provider),
      ),
    )
    .returning()
    .get();
  if (!row) return { ok: false, reason: "state_invalid" };
  if (row.expiresAt <= clock()) return { ok: false, reason: "state_expired" };

  if (input.error) {
    return { ok: false, reason: "provider", error: new ProviderHttpError(400, { error: input.error, error_description: input.errorDescription ?? "" }, `${input.error}: ${input.errorDescription ?? ""}`.slice(0, 2000)) };
  }
  if (!input.code) return { ok: false, reason: "state_invalid" };

  const key = encryptionKey();
  const serverWide = serverWideRegistration(input.provider);
  const secretIsServerWide = Boolean(serverWide && serverWide.clientId === row.clientId);
  const clientSecret = secretIsServerWide
    ? serverWide!.clientSecret
    : row.clientSecretSealed
      ? open(row.clientSecretSealed, key, stateContext(stateHash, "client-secret"))
      : savedClientSecret(input.businessId, input.provider, row.clientId);
  if (!clientSecret) return { ok: false, reason: "state_invalid" };
  const client: OAuthClient = { provider: input.provider, clientId: row.clientId, clientSecret, tenant: row.tenant };

  try {
    const tokens = await exchangeAuthorizationCode(
      client,
      { code: input.code, codeVerifier: open(row.codeVerifierSealed, key, stateContext(stateHash, "code-verifier")), redirectUri: oauthRedirectUri(input.provider) },
      clock,
    );
    if (!tokens.refreshToken) {
      throw new ProviderHttpError(200, { error: "no_refresh_token" }, "The provider did not return a refresh token.");
    }
    const address = await fetchConnectedAddress(input.provider, tokens.accessToken, row.tenant);
    saveConnection(input.businessId, {
      client,
      secretIsServerWide,
      tokens: { ...tokens, refreshToken: tokens.refreshToken },
      address,
      userId: input.userId,
      now: clock(),
    });
    return { ok: true, address };
  } catch (error) {
    return { ok: false, reason: "provider", error };
  }
}

/**
 * Signs the mailbox out and answers which address was connected (null when none was). Google's
 * revoke endpoint gets the refresh token (Microsoft offers no revocation to a web app), and the
 * tokens leave the row whether or not revocation worked.
 */
export async function disconnect(businessId: number, provider: OAuthProvider): Promise<{ address: string } | null> {
  const removed = removeConnectionTokens(businessId, provider);
  if (!removed) return null;
  if (removed.refreshToken && provider === "google") {
    try {
      await revokeToken(provider, removed.refreshToken);
    } catch (error) {
      console.warn(`[mailroom] revoking the Google token of business ${businessId} failed (${error instanceof ProviderHttpError ? `HTTP ${error.status}` : "network"}); the tokens were deleted here.`);
    }
  }
  return { address: removed.address };
}
