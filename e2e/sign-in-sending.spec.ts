import fs from "node:fs";
import type { Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { test, expect, businessIdOf, seriousA11yViolations } from "./fixtures/test";
import { ADMIN, BUSINESS_NAME, databasePath, storageState } from "./fixtures/accounts";
import { addContact, createDocument } from "./fixtures/documents";
import { runSettingsTest, saveSettings, stage, testFailure, testSuccess } from "./fixtures/email-settings";
import { recordedTokenErrors } from "../test/fixtures/identity-provider";
import { recordedApiErrors } from "../test/fixtures/mail-apis";
import { e2eApps } from "../test/fixtures/oauth-e2e";
import { seedContact, seedDocument, uniqueReference } from "../test/fixtures/seed";

test.use({ storageState: storageState.admin });
test.describe.configure({ mode: "serial" });

type Provider = "microsoft" | "google";
const names = { microsoft: "Microsoft", google: "Google" } as const;

const pdfText = async (content: Buffer) => (await extractText(await getDocumentProxy(new Uint8Array(content)), { mergePages: true })).text;
const emailButton = (page: Page) => page.getByRole("button", { name: "Email", exact: true });
const dialog = (page: Page) => page.getByRole("dialog");
const apps = (_page?: Page) => e2eApps(String(test.info().project.use.baseURL));

/** Fills the app registration in the settings form and signs in; the fake provider sends the browser straight back. */
async function signInWith(page: Page, provider: Provider, secret?: string) {
  await page.goto("/settings/email");
  await page.getByRole("radio", { name: names[provider], exact: true }).check();
  const app = apps(page)[provider];
  await page.getByLabel("Application (client) ID").fill(app.clientId);
  await page.getByLabel("Client secret").fill(secret ?? app.clientSecret);
  await page.getByRole("button", { name: `Sign in with ${names[provider]}` }).click();
}

/**
 * Signs in as far as the provider's answer and returns the callback URL it sends the browser to,
 * without visiting it. Playwright cannot route a redirect's target, so the authorize request is
 * answered here (redirects not followed) and the browser's navigation is aborted.
 */
async function capturedCallback(page: Page, provider: Provider): Promise<string> {
  const authorizePath = provider === "microsoft" ? "/oauth2/v2.0/authorize" : "/google/auth";
  const authorize = (url: URL) => url.pathname.endsWith(authorizePath);
  let location: (url: string) => void = () => undefined;
  const callback = new Promise<string>((resolve) => (location = resolve));
  await page.route(authorize, async (route) => {
    location((await route.fetch({ maxRedirects: 0 })).headers().location);
    // "aborted", not "failed": Chromium reloads a failed navigation's error page by itself.
    await route.abort("aborted");
  });
  await signInWith(page, provider).catch(() => undefined);
  const url = await callback;
  await page.unroute(authorize);
  expect(url).toContain(`/oauth/${provider}/callback?code=`);
  return url;
}

async function connectAndSave(page: Page, provider: Provider) {
  await signInWith(page, provider);
  await expect(page.getByText(`Connected as ${apps(page)[provider].address}`)).toBeVisible();
  await saveSettings(page);
}

test.describe("signing in with Microsoft and Google to send", () => {
  test.beforeEach(({ identity, mailApis, db }) => {
    identity.reset();
    mailApis.reset();
    db.prepare("delete from mail_oauth_connections").run();
    db.prepare("delete from email_settings").run();
  });

  for (const provider of ["microsoft", "google"] as const) {
    test(`${names[provider]}: admin signs in, tests, saves, and emails a purchase order with Cc, the BCC copy, Reply-To and the PDF`, async ({ page, identity, mailApis, db }) => {
      const app = apps(page)[provider];
      await signInWith(page, provider);
      await expect(page).toHaveURL(new RegExp(`/settings/email\\?protocol=${provider}&connected=1$`));
      await expect(page.getByText(`Connected as ${app.address}`)).toBeVisible();
      expect(identity.authorizeRequests[0].params).toMatchObject({ code_challenge_method: "S256", client_id: app.clientId, redirect_uri: app.redirectUri });

      await page.getByLabel("Send a copy of every email to this address").check();
      await page.getByLabel("Copy address").fill("archive@acme.test");
      await page.getByLabel("Receive replies at a different address").check();
      await page.getByLabel("Reply-to address").fill("purchasing@acme.test");
      await runSettingsTest(page);
      await expect(testSuccess(page)).toContainText(`Test email sent to ${app.address}`);
      for (const name of ["token", "account", "message"]) await expect(stage(page, name)).toHaveAttribute("data-status", "ok");
      expect(mailApis.messages).toHaveLength(1);
      expect(mailApis.messages[0].sentBy).toBe(app.address);
      expect(mailApis.messages[0].delivered.from?.value[0]).toEqual({ name: BUSINESS_NAME, address: app.address });
      expect(mailApis.messages[0].delivered.to && !Array.isArray(mailApis.messages[0].delivered.to) ? mailApis.messages[0].delivered.to.text : "").toBe(app.address);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await saveSettings(page);
      mailApis.reset();

      const supplier = `Northwind ${names[provider]}`;
      await addContact(page, "suppliers", { name: supplier, emails: "orders@northwind.test", address: "1 Mill Road" });
      const id = await createDocument(page, "purchase-orders", {
        contactLabel: "Supplier",
        contact: supplier,
        issueDate: "2026-11-02",
        lines: [
          { description: "A4 paper, 80 g", quantity: "10", unitPrice: "4.35", taxRate: "21" },
          { description: "Delivery", quantity: "1", unitPrice: "12", taxRate: "21" },
        ],
      });
      const { reference } = db.prepare("select reference from documents where id = ?").get(id) as { reference: string };
      await emailButton(page).click();
      await dialog(page).getByLabel("Cc").fill("boss@acme.test");
      await dialog(page).getByRole("button", { name: "Send" }).click();
      await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Email sent to orders@northwind.test." })).toBeVisible({ timeout: 20_000 });

      expect(mailApis.messages).toHaveLength(1);
      const [message] = mailApis.messages;
      expect(message.route).toBe(provider === "microsoft" ? "graph" : "gmail-raw");
      expect(message.recipients.sort()).toEqual(["archive@acme.test", "boss@acme.test", "orders@northwind.test"]);
      expect(message.bcc).toEqual(["archive@acme.test"]);
      expect(message.delivered.headers.has("bcc")).toBe(false);
      expect(message.deliveredRaw).not.toContain("archive@acme.test");
      expect(message.delivered.replyTo?.value.map((a) => a.address)).toEqual(["purchasing@acme.test"]);
      expect(message.delivered.from?.value[0]).toEqual({ name: BUSINESS_NAME, address: app.address });
      const [pdf] = message.delivered.attachments;
      expect(pdf.filename).toBe(`Purchase Order ${reference}.pdf`);
      const text = await pdfText(pdf.content);
      expect(text).toContain(reference);
      expect(text).toContain("67.16");
      expect(db.prepare("select status, protocol from emails where document_id = ?").get(id)).toEqual({ status: "sent", protocol: provider });
    });
  }

  test("a refresh refused with invalid_grant logs the email as failed with Reconnect; after reconnecting, Retry sends it", async ({ page, identity, mailApis, db }) => {
    // Short-lived access tokens: every send refreshes first.
    identity.setAccessTokenLifetime(30);
    await connectAndSave(page, "microsoft");
    const customer = seedContact(businessIdOf(db), { kind: "customer", name: "Contoso Retail", emails: "ap@contoso-retail.test" });
    const id = seedDocument(businessIdOf(db), { type: "sales-invoices", contactId: customer, reference: uniqueReference("INV-"), lines: [{ description: "Audit", quantity: "1", unitPrice: "500", taxRate: "21" }] });

    identity.failNextToken("microsoft", 400, recordedTokenErrors.microsoftRefreshExpired());
    await page.goto(`/documents/sales-invoices/${id}`);
    await emailButton(page).click();
    await dialog(page).getByRole("button", { name: "Send" }).click();
    const alert = dialog(page).getByRole("alert");
    await expect(alert).toContainText("Microsoft no longer accepts Mailroom's sign-in", { timeout: 20_000 });
    await expect(alert.getByRole("link", { name: "Reconnect Microsoft" })).toHaveAttribute("href", "/settings/email?protocol=microsoft");
    await dialog(page).getByRole("button", { name: "Cancel" }).click();
    const failed = db.prepare("select id, status, failure from emails where document_id = ?").get(id) as { id: number; status: string; failure: string };
    expect(failed.status).toBe("failed");
    expect(JSON.parse(failed.failure)).toMatchObject({ code: "oauth_microsoft_grant_expired", stage: "token", reconnect: "microsoft" });
    expect(mailApis.messages).toHaveLength(0);

    await page.goto("/");
    await expect(page.getByRole("link", { name: "Reconnect Microsoft" })).toBeVisible();
    await page.goto("/settings/email");
    await expect(page.getByText("Microsoft no longer accepts the sign-in").first()).toBeVisible();
    await page.getByRole("button", { name: "Reconnect Microsoft" }).click();
    // The old connection already shows "Connected as": wait for the way back from the provider.
    await expect(page).toHaveURL(/\/settings\/email\?protocol=microsoft&connected=1$/);
    await expect(page.getByText(`Connected as ${apps(page).microsoft.address}`)).toBeVisible();

    await page.goto("/emails");
    await page.locator(`tr[data-email-id="${failed.id}"]`).getByRole("button", { name: /^Retry/ }).click();
    await expect(page.locator(`tr[data-email-id="${failed.id}"]`)).toContainText("Sent", { timeout: 20_000 });
    expect(mailApis.messages.map((m) => m.recipients)).toEqual([["ap@contoso-retail.test"]]);
    // The refreshes used each rotated refresh token in turn.
    const refreshes = identity.tokenRequests.filter((r) => r.grantType === "refresh_token" && r.status === 200);
    expect(refreshes.length).toBeGreaterThan(0);
  });

  test("errors are explained in the browser: the secret's ID (AADSTS7000215), the redirect URI (AADSTS50011), Graph 429", async ({ page, identity, mailApis }) => {
    await signInWith(page, "microsoft", "8a3c3d21-5b0f-4a55-bd6d-3f8e2c1a9b77");
    await expect(page.getByRole("heading", { level: 1, name: "Signing in with Microsoft did not work" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("the secret's ID was pasted instead of its value");
    await page.getByRole("main").getByRole("alert").getByText("Details", { exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert").locator("pre")).toContainText("AADSTS7000215");
    expect(await seriousA11yViolations(page)).toEqual([]);

    identity.failNextToken("microsoft", 400, recordedTokenErrors.microsoftRedirectMismatch(apps(page).microsoft.clientId));
    await signInWith(page, "microsoft");
    await expect(page.getByRole("heading", { level: 1, name: "Signing in with Microsoft did not work" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("alert")).toContainText(`Register exactly this redirect URI (type Web) in the app registration, then sign in again: ${apps(page).microsoft.redirectUri}.`);

    await signInWith(page, "microsoft");
    await expect(page.getByText(`Connected as ${apps(page).microsoft.address}`)).toBeVisible();
    mailApis.failNext("microsoft", 429, recordedApiErrors.graphThrottled, { "Retry-After": "7" }, "/v1.0/me/sendMail");
    await runSettingsTest(page);
    await expect(testFailure(page)).toContainText("The provider is limiting how fast this mailbox can send (HTTP 429).");
    await expect(testFailure(page)).toContainText("Wait 7 seconds and try again");
    await expect(stage(page, "message")).toHaveAttribute("data-status", "failed");
  });

  test("Disconnect asks first, revokes Google's token and removes the tokens; no secret reaches the page, the settings test's JSON or the database file in clear", async ({ page, identity, db }) => {
    await connectAndSave(page, "google");
    // The answer is read on its way to the page (route.fetch), not from Chromium afterwards: it may
    // drop a finished body once the page refreshes, as it does after Save.
    let testJson = "";
    await page.route("**/api/email-settings/test", async (route) => {
      const response = await route.fetch();
      testJson = await response.text();
      await route.fulfill({ response, body: testJson });
    });
    await runSettingsTest(page);
    await expect(testSuccess(page)).toBeVisible();
    await page.unroute("**/api/email-settings/test");
    expect(testJson).toContain("account");
    const refreshToken = identity.currentRefreshToken("google")!;
    const accessTokens = identity.issuedAccessTokens("google");
    expect(accessTokens.length).toBeGreaterThan(0);
    const secrets = [apps(page).google.clientSecret, refreshToken, ...accessTokens];
    const html = await (await page.request.get("/settings/email")).text();
    const rsc = await (await page.request.get("/settings/email", { headers: { RSC: "1" } })).text();
    // The SQLite file and its write-ahead log, byte for byte: only sealed values may be in them.
    const files = [databasePath, `${databasePath}-wal`].filter((file) => fs.existsSync(file)).map((file) => fs.readFileSync(file).toString("latin1"));
    expect(files.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      for (const text of [html, rsc, testJson, ...files]) expect(text).not.toContain(secret);
    }
    const row = db.prepare("select * from mail_oauth_connections where provider = 'google'").get() as Record<string, string>;
    expect(row.refresh_token_sealed).toBeTruthy();
    for (const secret of secrets) expect(JSON.stringify(row)).not.toContain(secret);

    await page.getByRole("button", { name: "Disconnect" }).click();
    await expect(page.getByText(`Disconnect ${apps(page).google.address}?`)).toBeVisible();
    await page.getByRole("button", { name: "Yes, disconnect" }).click();
    await expect(page.getByRole("button", { name: "Sign in with Google" })).toBeVisible();
    expect(identity.revokedTokens).toEqual([refreshToken]);
    expect(db.prepare("select refresh_token_sealed, access_token_sealed, address from mail_oauth_connections where provider = 'google'").get()).toEqual({
      refresh_token_sealed: null,
      access_token_sealed: null,
      address: "",
    });

    // The activity log names the mailbox and who connected and disconnected it, and no token.
    await page.goto("/settings/activity");
    const table = page.getByRole("table", { name: "Activity" });
    for (const kind of ["Email account connected", "Email account disconnected"]) {
      await expect(table.getByRole("row").filter({ hasText: kind }).filter({ hasText: `Google ${apps(page).google.address}` }).first()).toContainText(ADMIN.email);
    }
    const log = await page.content();
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});

test.describe("the sign-in refuses what it must", () => {
  test.beforeEach(({ identity, db }) => {
    identity.reset();
    db.prepare("delete from mail_oauth_connections").run();
  });

  test("a callback with a wrong, reused or expired state stores nothing", async ({ page, db }) => {
    await page.goto("/oauth/microsoft/callback?code=abc&state=forged-state");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This sign-in link is not valid");
    await page.goto("/oauth/microsoft/callback?code=abc");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This sign-in link is not valid");

    // A real callback, captured and replayed.
    const url = await capturedCallback(page, "microsoft");
    await page.goto(url);
    await expect(page.getByText(`Connected as ${apps(page).microsoft.address}`)).toBeVisible();
    const before = db.prepare("select * from mail_oauth_connections").all();
    await page.goto(url);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This sign-in link is not valid");
    expect(db.prepare("select * from mail_oauth_connections").all()).toEqual(before);

    // A state older than 10 minutes (its clock moved back, as the database would show it), started
    // by an admin whose business has no connection yet.
    db.prepare("delete from mail_oauth_connections").run();
    const late = await capturedCallback(page, "microsoft");
    db.prepare("update oauth_states set expires_at = expires_at - 11 * 60 * 1000").run();
    await page.goto(late);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("took longer than 10 minutes");
    expect(db.prepare("select * from mail_oauth_connections").all()).toEqual([]);
  });

  test("staff and anonymous users cannot start, complete or disconnect a sign-in; a cross-site POST is refused", async ({ browser, page, playwright, baseURL, db }) => {
    const actionRequest = () => page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    // Record the two actions as the admin uses them: start (its callback captured) and disconnect.
    const started = actionRequest();
    const url = await capturedCallback(page, "google");
    const start = await started;

    const staff = await browser.newContext({ storageState: storageState.staff });
    const staffPage = await staff.newPage();
    expect((await staffPage.goto(url))?.status()).toBe(403);
    expect((await staffPage.goto("/settings/email"))?.status()).toBe(403);
    await staff.close();
    const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const anonymousPage = await anonymous.newPage();
    await anonymousPage.goto(url);
    await expect(anonymousPage).toHaveURL(/\/login/);
    await anonymous.close();
    expect(db.prepare("select count(*) as n from mail_oauth_connections where refresh_token_sealed is not null").get()).toEqual({ n: 0 });

    // The admin who started it can still complete it: nothing above consumed the state.
    await page.goto(url);
    await expect(page.getByText(`Connected as ${apps(page).google.address}`)).toBeVisible();
    await page.getByRole("button", { name: "Disconnect" }).click();
    const disconnected = actionRequest();
    await page.getByRole("button", { name: "Yes, disconnect" }).click();
    const disconnect = await disconnected;
    await expect(page.getByRole("button", { name: "Sign in with Google" })).toBeVisible();
    await signInWith(page, "google");
    await expect(page.getByText(`Connected as ${apps(page).google.address}`)).toBeVisible();

    const replay = (request: typeof start, origin: string) => ({
      headers: { "next-action": request.headers()["next-action"], "content-type": request.headers()["content-type"], accept: "text/x-component", origin },
      data: request.postData()!,
      maxRedirects: 0,
    });
    const statesBefore = db.prepare("select count(*) as n from oauth_states").get();
    const connectedRow = () => db.prepare("select refresh_token_sealed is not null as connected from mail_oauth_connections where provider = 'google'").get();
    const callers: Array<[string | { cookies: []; origins: [] }, string]> = [
      [storageState.staff, '"error":"forbidden"'],
      [{ cookies: [], origins: [] }, '"error":"unauthorized"'],
    ];
    for (const [state, expected] of callers) {
      const caller = await playwright.request.newContext({ baseURL, storageState: state });
      expect(await (await caller.post("/settings/email", replay(start, baseURL!))).text()).toContain(expected);
      expect(await (await caller.post("/settings/email", replay(disconnect, baseURL!))).text()).toContain(expected);
      await caller.dispose();
    }
    const admin = await playwright.request.newContext({ baseURL, storageState: storageState.admin });
    const crossSite = await admin.post("/settings/email", replay(disconnect, "https://evil.example"));
    expect(crossSite.ok()).toBe(false);
    await admin.dispose();
    expect(db.prepare("select count(*) as n from oauth_states").get()).toEqual(statesBefore);
    expect(connectedRow()).toEqual({ connected: 1 });
  });
});
