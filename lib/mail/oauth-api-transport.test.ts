import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seal } from "@/lib/crypto/secret-box";
import { recordedTokenErrors } from "../../test/fixtures/identity-provider";
import { recordedApiErrors } from "../../test/fixtures/mail-apis";
import { authorizeInBrowser, registeredApps, startOAuthUnitWorld, type OAuthUnitWorld } from "../../test/fixtures/oauth-unit";
import type { OAuthProvider } from "./oauth/providers";
import type { OutgoingMessage, StageEvent } from "./types";

let world: OAuthUnitWorld;
let signIn: typeof import("./oauth/sign-in");
let store: typeof import("./oauth/connection-store");
let apiConfig: typeof import("./oauth/api-config");
let transports: { microsoft: typeof import("./graph-transport").createGraphTransport; google: typeof import("./gmail-transport").createGmailTransport };

beforeAll(async () => {
  world = await startOAuthUnitWorld();
  signIn = await import("./oauth/sign-in");
  store = await import("./oauth/connection-store");
  apiConfig = await import("./oauth/api-config");
  transports = { microsoft: (await import("./graph-transport")).createGraphTransport, google: (await import("./gmail-transport")).createGmailTransport };
});
afterAll(() => world.close());

async function connect(provider: OAuthProvider) {
  const app = registeredApps[provider];
  const started = signIn.startSignIn({ businessId: world.businessId, userId: world.adminId, provider, clientId: app.clientId, clientSecret: app.clientSecret, tenant: "common" });
  if (!started.ok) throw new Error(started.error);
  const result = await signIn.completeSignIn({ businessId: world.businessId, userId: world.adminId, provider, ...(await authorizeInBrowser(started.authorizeUrl)) });
  if (!result.ok) throw new Error(`sign-in failed: ${JSON.stringify(result)}`);
}

beforeEach(async () => {
  world.identity.reset();
  await connect("microsoft");
  await connect("google");
  world.identity.reset();
  world.apis.reset();
});

const HOUR = 3_600_000;

function transportFor(provider: OAuthProvider, now: () => number = Date.now) {
  return transports[provider](apiConfig.oauthApiConfig(world.businessId, provider, now));
}

function purchaseOrder(provider: OAuthProvider, attachmentBytes = 2_000): OutgoingMessage {
  return {
    fromName: "Acme Supplies",
    fromAddress: registeredApps[provider].address,
    to: ["buyer@customer.test"],
    cc: ["accounts@customer.test"],
    bcc: ["archive@acme.test"],
    replyTo: ["sales@acme.test"],
    subject: "Purchase Order PO-0042",
    text: "Please find attached purchase order PO-0042.",
    html: "<p>Please find attached purchase order PO-0042.</p>",
    attachments: [{ filename: "Purchase Order PO-0042.pdf", contentType: "application/pdf", content: Buffer.alloc(attachmentBytes, 0x25) }],
  };
}

describe.each(["microsoft", "google"] as const)("sending through the %s API", (provider) => {
  it("delivers To, Cc, the Bcc copy (gone from the delivered headers), Reply-To and the attachment", async () => {
    const result = await transportFor(provider).send(purchaseOrder(provider));
    expect(result.ok).toBe(true);
    expect(world.apis.messages).toHaveLength(1);
    const [message] = world.apis.messages;
    expect(message.route).toBe(provider === "microsoft" ? "graph" : "gmail-raw");
    expect(message.sentBy).toBe(registeredApps[provider].address);
    expect(message.recipients.sort()).toEqual(["accounts@customer.test", "archive@acme.test", "buyer@customer.test"]);
    expect(message.bcc).toEqual(["archive@acme.test"]);
    expect(message.deliveredRaw).not.toMatch(/^Bcc:/im);
    expect(message.deliveredRaw).not.toContain("archive@acme.test");
    expect(message.delivered.from?.value[0].address).toBe(registeredApps[provider].address);
    expect(message.delivered.replyTo?.text).toBe("sales@acme.test");
    expect(message.delivered.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual([["Purchase Order PO-0042.pdf", "application/pdf", 2_000]]);
    if (result.ok) expect(message.delivered.messageId).toBe(result.messageId);
  });

  it("the settings test runs token → account → message, refreshing the token to prove the sign-in still works", async () => {
    const stages: StageEvent[] = [];
    const result = await transportFor(provider).send(purchaseOrder(provider), { verifyAccount: true, onStage: (event) => stages.push(event) });
    expect(result.ok).toBe(true);
    expect(stages.filter((s) => s.status === "ok").map((s) => s.stage)).toEqual(["token", "account", "message"]);
    expect(world.identity.tokenRequests.map((r) => r.grantType)).toEqual(["refresh_token"]);
  });

  it("a message over the API's limit is refused before anything is sent, naming the limit", async () => {
    const limitMb = provider === "microsoft" ? 4 : 35;
    const result = await transportFor(provider).send(purchaseOrder(provider, limitMb * 1024 * 1024));
    expect(result).toMatchObject({ ok: false, failure: { code: "api_message_too_large", limitMb, permanent: true, stage: "message" } });
    expect(world.apis.calls).toHaveLength(0);
    expect(world.identity.tokenRequests).toHaveLength(0);
  });
});

describe("sending a large message through Gmail", () => {
  it("uses the media upload form above 5 MB", async () => {
    const result = await transportFor("google").send(purchaseOrder("google", 6 * 1024 * 1024));
    expect(result.ok).toBe(true);
    expect(world.apis.messages.map((m) => [m.route, m.delivered.attachments[0].size])).toEqual([["gmail-upload", 6 * 1024 * 1024]]);
  });

  it("Graph refuses the same 6 MB message: it is over its 4 MB request limit", async () => {
    const result = await transportFor("microsoft").send(purchaseOrder("microsoft", 6 * 1024 * 1024));
    expect(result).toMatchObject({ ok: false, failure: { code: "api_message_too_large", limitMb: 4 } });
  });
});

describe("token lifecycle", () => {
  it("an expired access token is refreshed before a send, and the rotated refresh token is stored: the next refresh uses the new one", async () => {
    const first = store.connectionTokenStore(world.businessId, "microsoft").read()!.refreshToken;
    expect((await transportFor("microsoft", () => Date.now() + 2 * HOUR).send(purchaseOrder("microsoft"))).ok).toBe(true);
    const rotated = store.connectionTokenStore(world.businessId, "microsoft").read()!.refreshToken;
    expect(rotated).not.toBe(first);
    expect(rotated).toBe(world.identity.currentRefreshToken("microsoft"));

    expect((await transportFor("microsoft", () => Date.now() + 4 * HOUR).send(purchaseOrder("microsoft"))).ok).toBe(true);
    expect(world.identity.tokenRequests.map((r) => [r.grantType, r.refreshToken, r.status])).toEqual([
      ["refresh_token", first, 200],
      ["refresh_token", rotated, 200],
    ]);
    // Microsoft wants the scope on every refresh (nodemailer's built-in OAuth2 sends none).
    expect(world.identity.tokenRequests[0].scope).toContain("https://graph.microsoft.com/Mail.Send");
    expect(world.apis.messages).toHaveLength(2);
  });

  it("the access token is reused until about a minute before it expires", async () => {
    expect((await transportFor("microsoft", () => Date.now() + HOUR - 120_000).send(purchaseOrder("microsoft"))).ok).toBe(true);
    expect(world.identity.tokenRequests).toHaveLength(0);
    expect((await transportFor("microsoft", () => Date.now() + HOUR - 30_000).send(purchaseOrder("microsoft"))).ok).toBe(true);
    expect(world.identity.tokenRequests).toHaveLength(1);
  });

  it("a send set up before another send rotated the tokens refreshes with the rotated refresh token, not the one it was set up with", async () => {
    const first = store.connectionTokenStore(world.businessId, "microsoft").read()!.refreshToken;
    // Set up (its connection read) first, sent last, four hours on: its access token has expired.
    const setUpEarly = transportFor("microsoft", () => Date.now() + 4 * HOUR);
    expect((await transportFor("microsoft", () => Date.now() + 2 * HOUR).send(purchaseOrder("microsoft"))).ok).toBe(true);
    const rotated = store.connectionTokenStore(world.businessId, "microsoft").read()!.refreshToken;
    expect(rotated).not.toBe(first);

    expect((await setUpEarly.send(purchaseOrder("microsoft"))).ok).toBe(true);
    expect(world.identity.tokenRequests.map((r) => [r.refreshToken, r.status])).toEqual([
      [first, 200],
      [rotated, 200],
    ]);
    expect(world.apis.messages).toHaveLength(2);
  });

  it.each(["microsoft", "google"] as const)("%s: ten concurrent sends cause exactly one refresh", async (provider) => {
    const later = () => Date.now() + 2 * HOUR;
    const results = await Promise.all(Array.from({ length: 10 }, () => transportFor(provider, later).send(purchaseOrder(provider))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(world.identity.tokenRequests.filter((r) => r.provider === provider)).toHaveLength(1);
    expect(world.apis.messages).toHaveLength(10);
  });

  it("Google does not rotate: its one refresh token keeps working", async () => {
    const before = store.connectionTokenStore(world.businessId, "google").read()!.refreshToken;
    expect((await transportFor("google", () => Date.now() + 2 * HOUR).send(purchaseOrder("google"))).ok).toBe(true);
    expect(store.connectionTokenStore(world.businessId, "google").read()!.refreshToken).toBe(before);
  });

  it("a refresh answered invalid_grant fails with Reconnect, flags the connection, and signing in again makes the send work", async () => {
    world.identity.failNextToken("microsoft", 400, recordedTokenErrors.microsoftRefreshExpired());
    const failed = await transportFor("microsoft", () => Date.now() + 2 * HOUR).send(purchaseOrder("microsoft"));
    expect(failed).toMatchObject({ ok: false, failure: { stage: "token", code: "oauth_microsoft_grant_expired", permanent: true, httpStatus: 400 } });
    expect(store.connectionSummary(world.businessId, "microsoft")?.reconnectNeeded).toBe(true);
    expect(world.apis.messages).toHaveLength(0);

    await connect("microsoft");
    expect(store.connectionSummary(world.businessId, "microsoft")?.reconnectNeeded).toBe(false);
    expect((await transportFor("microsoft").send(purchaseOrder("microsoft"))).ok).toBe(true);
  });

  it("tokens sealed under another encryption key cannot be opened: the send asks to reconnect, and nothing is refreshed or sent", async () => {
    const otherKey = randomBytes(32);
    const context = (field: string) => `mail-oauth:${world.businessId}:microsoft:${field}`;
    const db = new Database(world.databaseFile);
    try {
      db.prepare("UPDATE mail_oauth_connections SET access_token_sealed = ?, refresh_token_sealed = ? WHERE business_id = ? AND provider = 'microsoft'").run(
        seal("old-access-token", otherKey, context("access-token")),
        seal("old-refresh-token", otherKey, context("refresh-token")),
        world.businessId,
      );
    } finally {
      db.close();
    }
    const failed = await transportFor("microsoft").send(purchaseOrder("microsoft"));
    expect(failed).toMatchObject({ ok: false, failure: { stage: "token", code: "oauth_not_connected", permanent: true, reconnect: "microsoft" } });
    expect(world.identity.tokenRequests).toHaveLength(0);
    expect(world.apis.calls).toHaveLength(0);
  });

  it("Google's \"Token has been expired or revoked.\" asks to reconnect", async () => {
    world.identity.expireRefreshTokens("google");
    const failed = await transportFor("google", () => Date.now() + 2 * HOUR).send(purchaseOrder("google"));
    expect(failed).toMatchObject({ ok: false, failure: { stage: "token", code: "oauth_google_grant_revoked" } });
    expect(store.connectionSummary(world.businessId, "google")?.reconnectNeeded).toBe(true);
  });
});

describe("API refusals", () => {
  it("Graph 429 carries Retry-After and is not permanent", async () => {
    world.apis.failNext("microsoft", 429, recordedApiErrors.graphThrottled, { "Retry-After": "7" });
    const result = await transportFor("microsoft").send(purchaseOrder("microsoft"));
    expect(result).toMatchObject({ ok: false, failure: { stage: "message", code: "api_rate_limited", retryAfter: 7, httpStatus: 429, permanent: false } });
  });

  it("Gmail without the gmail.send scope answers 403 insufficientPermissions", async () => {
    world.apis.failNext("google", 403, recordedApiErrors.gmailInsufficientPermissions);
    const result = await transportFor("google").send(purchaseOrder("google"));
    expect(result).toMatchObject({ ok: false, failure: { stage: "message", code: "gmail_insufficient_permissions", httpStatus: 403 } });
  });

  it("no token reaches the failure text", async () => {
    const accessToken = store.connectionTokenStore(world.businessId, "microsoft").read()!.accessToken!;
    world.apis.failNext("microsoft", 403, { error: { code: "ErrorAccessDenied", message: `Access is denied for ${accessToken}` } });
    const result = await transportFor("microsoft").send(purchaseOrder("microsoft"));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.code).toBe("graph_access_denied");
      expect(result.failure.raw).toContain("[redacted]");
      expect(result.failure.raw).not.toContain(accessToken);
    }
  });
});
