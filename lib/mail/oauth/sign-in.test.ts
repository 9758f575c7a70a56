import crypto from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { authorizeInBrowser, registeredApps, startOAuthUnitWorld, type OAuthUnitWorld } from "../../../test/fixtures/oauth-unit";
import { recordedTokenErrors } from "../../../test/fixtures/identity-provider";
import { classifyProviderError } from "../explain-oauth";
import type { OAuthProvider } from "./providers";

let world: OAuthUnitWorld;
let signIn: typeof import("./sign-in");
let store: typeof import("./connection-store");

beforeAll(async () => {
  world = await startOAuthUnitWorld();
  signIn = await import("./sign-in");
  store = await import("./connection-store");
});
afterAll(() => world.close());
beforeEach(() => world.identity.reset());

function start(provider: OAuthProvider, overrides: Partial<Parameters<typeof signIn.startSignIn>[0]> = {}) {
  const app = registeredApps[provider];
  const started = signIn.startSignIn({
    businessId: world.businessId,
    userId: world.adminId,
    provider,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    tenant: "common",
    ...overrides,
  });
  if (!started.ok) throw new Error(started.error);
  return started.authorizeUrl;
}

async function signInWith(provider: OAuthProvider) {
  const callback = await authorizeInBrowser(start(provider));
  return signIn.completeSignIn({ businessId: world.businessId, userId: world.adminId, provider, ...callback });
}

describe("signing in with Microsoft and Google", () => {
  it("Microsoft: authorization code with PKCE S256, the Graph scopes, and the connected address from Graph /me", async () => {
    const result = await signInWith("microsoft");
    expect(result).toEqual({ ok: true, address: registeredApps.microsoft.address });

    const [authorize] = world.identity.authorizeRequests;
    expect(authorize.tenant).toBe("common");
    expect(authorize.params).toMatchObject({
      client_id: registeredApps.microsoft.clientId,
      response_type: "code",
      code_challenge_method: "S256",
      redirect_uri: registeredApps.microsoft.redirectUri,
      scope: "offline_access openid email https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/User.Read",
    });
    expect(authorize.params.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.params.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(world.identity.tokenRequests).toMatchObject([{ grantType: "authorization_code", status: 200, tenant: "common" }]);
    expect(world.apis.calls).toContainEqual({ provider: "microsoft", method: "GET", path: "/v1.0/me", status: 200 });

    const summary = store.connectionSummary(world.businessId, "microsoft");
    expect(summary).toMatchObject({ connected: true, address: registeredApps.microsoft.address, connectedBy: "ana", reconnectNeeded: false });
  });

  it("Google: offline access with consent, and the connected address from OpenID userinfo", async () => {
    const result = await signInWith("google");
    expect(result).toEqual({ ok: true, address: registeredApps.google.address });
    const [authorize] = world.identity.authorizeRequests;
    expect(authorize.params).toMatchObject({
      scope: "openid email https://www.googleapis.com/auth/gmail.send",
      access_type: "offline",
      prompt: "consent",
      code_challenge_method: "S256",
    });
    expect(store.connectionSummary(world.businessId, "google")).toMatchObject({ connected: true, address: registeredApps.google.address });
  });

  it("the PKCE challenge is the S256 hash of a fresh verifier", () => {
    const { verifier, challenge } = signIn.createPkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(challenge).toBe(crypto.createHash("sha256").update(verifier).digest("base64url"));
    expect(signIn.createPkcePair().verifier).not.toBe(verifier);
  });

  it("a tenant ID typed in the form goes into the authorize and token paths", async () => {
    const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    const callback = await authorizeInBrowser(start("microsoft", { tenant }));
    await signIn.completeSignIn({ businessId: world.businessId, userId: world.adminId, provider: "microsoft", ...callback });
    expect(world.identity.authorizeRequests[0].tenant).toBe(tenant);
    expect(world.identity.tokenRequests[0].tenant).toBe(tenant);
    expect(store.connectionSummary(world.businessId, "microsoft")?.tenant).toBe(tenant);
  });

  it("a blank secret uses the saved one for the same client ID, and is refused for another", async () => {
    await signInWith("microsoft");
    expect(signIn.startSignIn({ businessId: world.businessId, userId: world.adminId, provider: "microsoft", clientId: registeredApps.microsoft.clientId, clientSecret: "", tenant: "common" }).ok).toBe(true);
    expect(signIn.startSignIn({ businessId: world.businessId, userId: world.adminId, provider: "microsoft", clientId: "another-client", clientSecret: "", tenant: "common" })).toEqual({
      ok: false,
      error: "clientSecretRequired",
    });
  });
});

describe("the callback refuses what it must, and then stores nothing", () => {
  const connectionRow = () => JSON.stringify(store.connectionSummary(world.businessId, "microsoft"));

  it("a replayed state", async () => {
    const callback = await authorizeInBrowser(start("microsoft"));
    const input = { businessId: world.businessId, userId: world.adminId, provider: "microsoft" as const, ...callback };
    expect((await signIn.completeSignIn(input)).ok).toBe(true);
    const before = connectionRow();
    world.identity.tokenRequests.length = 0;
    expect(await signIn.completeSignIn(input)).toEqual({ ok: false, reason: "state_invalid" });
    expect(world.identity.tokenRequests).toHaveLength(0);
    expect(connectionRow()).toBe(before);
  });

  it("a tampered or missing state, or a state without a code", async () => {
    const callback = await authorizeInBrowser(start("microsoft"));
    const before = connectionRow();
    const base = { businessId: world.businessId, userId: world.adminId, provider: "microsoft" as const, ...callback };
    expect(await signIn.completeSignIn({ ...base, state: `${callback.state}x` })).toEqual({ ok: false, reason: "state_invalid" });
    expect(await signIn.completeSignIn({ ...base, state: null })).toEqual({ ok: false, reason: "state_invalid" });
    expect(await signIn.completeSignIn({ ...base, code: null })).toEqual({ ok: false, reason: "state_invalid" });
    expect(world.identity.tokenRequests).toHaveLength(0);
    expect(connectionRow()).toBe(before);
  });

  it("a state started by another admin, or for the other provider", async () => {
    const callback = await authorizeInBrowser(start("microsoft"));
    const before = connectionRow();
    expect(await signIn.completeSignIn({ businessId: world.businessId, userId: world.otherAdminId, provider: "microsoft", ...callback })).toEqual({ ok: false, reason: "state_invalid" });
    expect(await signIn.completeSignIn({ businessId: world.businessId, userId: world.adminId, provider: "google", ...callback })).toEqual({ ok: false, reason: "state_invalid" });
    expect(world.identity.tokenRequests).toHaveLength(0);
    expect(connectionRow()).toBe(before);
  });

  it("a state older than 10 minutes", async () => {
    const callback = await authorizeInBrowser(start("microsoft"));
    const before = connectionRow();
    const later = () => Date.now() + signIn.STATE_LIFETIME_MS + 1_000;
    expect(await signIn.completeSignIn({ businessId: world.businessId, userId: world.adminId, provider: "microsoft", ...callback }, later)).toEqual({
      ok: false,
      reason: "state_expired",
    });
    expect(world.identity.tokenRequests).toHaveLength(0);
    expect(connectionRow()).toBe(before);
  });

  it("the user cancelling at the provider comes back as access_denied", async () => {
    world.identity.failNextAuthorize("google", "access_denied");
    const result = await signInWith("google");
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== "provider") throw new Error("expected a provider failure");
    expect(classifyProviderError(result.error, { provider: "google", stage: "token", redirectUri: "", url: "" }).code).toBe("oauth_access_denied");
  });

  it("the secret's ID pasted instead of its value is explained as AADSTS7000215", async () => {
    const callback = await authorizeInBrowser(start("microsoft", { clientSecret: "8a3c3d21-5b0f-4a55-bd6d-3f8e2c1a9b77" }));
    const before = connectionRow();
    const result = await signIn.completeSignIn({ businessId: world.businessId, userId: world.adminId, provider: "microsoft", ...callback });
    if (result.ok || result.reason !== "provider") throw new Error("expected a provider failure");
    const failure = classifyProviderError(result.error, { provider: "microsoft", stage: "token", redirectUri: "", url: "" });
    expect(failure).toMatchObject({ code: "oauth_secret_id_not_value", httpStatus: 401, permanent: true });
    expect(failure.raw).not.toContain("8a3c3d21-5b0f-4a55-bd6d-3f8e2c1a9b77");
    expect(connectionRow()).toBe(before);
  });
});

describe("disconnecting and keeping secrets", () => {
  it("Disconnect revokes Google's token, removes the tokens from the row and answers which address it was", async () => {
    await signInWith("google");
    const { address } = store.connectionSummary(world.businessId, "google")!;
    expect(address).toMatch(/@/);
    const refreshToken = world.identity.currentRefreshToken("google");
    expect(refreshToken).toBeTruthy();
    expect(await signIn.disconnect(world.businessId, "google")).toEqual({ address });
    expect(world.identity.revokedTokens).toEqual([refreshToken]);
    // A second Disconnect finds nothing connected: nothing to revoke, nothing to log.
    expect(await signIn.disconnect(world.businessId, "google")).toBeNull();
    expect(world.identity.revokedTokens).toEqual([refreshToken]);
    expect(store.connectionSummary(world.businessId, "google")).toMatchObject({ connected: false, address: "" });
    expect(store.connectionTokenStore(world.businessId, "google").read()).toBeNull();
  });

  it("no log line carries the client secret or a token, through sign-in, a refused refresh and disconnect", async () => {
    const lines: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" "))),
    );
    try {
      await signInWith("google");
      const refreshToken = store.connectionTokenStore(world.businessId, "google").read()!.refreshToken;
      const accessToken = store.connectionTokenStore(world.businessId, "google").read()!.accessToken!;
      world.identity.failNextToken("google", 400, recordedTokenErrors.googleRevoked());
      const { oauthApiConfig } = await import("./api-config");
      await oauthApiConfig(world.businessId, "google", () => Date.now() + 7_200_000).accessToken.get().catch(() => undefined);
      // Revocation fails here (nothing listens on port 9), which is logged: without the token.
      process.env.GOOGLE_REVOKE_URL = "http://127.0.0.1:9/revoke";
      await signIn.disconnect(world.businessId, "google");
      process.env.GOOGLE_REVOKE_URL = world.identity.env.GOOGLE_REVOKE_URL;
      expect(lines.length).toBeGreaterThan(0);
      for (const secret of [registeredApps.google.clientSecret, refreshToken, accessToken]) {
        for (const line of lines) expect(line).not.toContain(secret);
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("the client secret and tokens are sealed: not in plain text in the SQLite file or its WAL", async () => {
    await signInWith("microsoft");
    const tokens = store.connectionTokenStore(world.businessId, "microsoft").read()!;
    const files = [world.databaseFile, `${world.databaseFile}-wal`].filter((file) => fs.existsSync(file));
    const bytes = Buffer.concat(files.map((file) => fs.readFileSync(file)));
    expect(bytes.length).toBeGreaterThan(0);
    for (const secret of [registeredApps.microsoft.clientSecret, tokens.refreshToken, tokens.accessToken!]) {
      expect(bytes.includes(Buffer.from(secret)), secret.slice(0, 6)).toBe(false);
    }
    // The check itself can fail: the address is stored in clear and is found.
    expect(bytes.includes(Buffer.from(registeredApps.microsoft.address))).toBe(true);
  });
});
