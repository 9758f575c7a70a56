import path from "node:path";
import Database from "better-sqlite3";
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, businessIdOf } from "./fixtures/test";
import { ADMIN, BUSINESS_NAME, runDir, STAFF, storageState } from "./fixtures/accounts";
import { startAppServer } from "./fixtures/app-server";
import { addContact, createDocument } from "./fixtures/documents";
import { LoopbackClient } from "./fixtures/http-client";
import { configureSmtp } from "./fixtures/email-settings";
import { seedContact, seedDocument, seedUser, uniqueReference } from "../test/fixtures/seed";

test.use({ storageState: storageState.admin });
test.describe.configure({ mode: "serial" });

const emailButton = (page: Page) => page.getByRole("button", { name: "Email", exact: true });

test.describe("no email is lost", () => {
  test.beforeEach(({ mail }) => mail.reset());

  test("the server drops the connection after DATA: the email fails with a clear reason, and Retry sends exactly one copy", async ({ page, db, mail }) => {
    await configureSmtp(page, mail);
    const contact = seedContact(businessIdOf(db), { kind: "customer", name: "Dropped Ltd", emails: "drop@customer.test" });
    const id = seedDocument(businessIdOf(db), { type: "sales-invoices", contactId: contact, reference: uniqueReference("INV-"), dueDate: "2026-12-01", lines: [{ description: "Work", quantity: "1", unitPrice: "10", taxRate: "21" }] });
    mail.behaviour.dropAfterData = true;
    await page.goto(`/documents/sales-invoices/${id}`);
    await emailButton(page).click();
    await page.getByRole("dialog").getByRole("button", { name: "Send" }).click();
    const alert = page.getByRole("dialog").getByRole("alert");
    await expect(alert).toContainText("The email could not be sent.", { timeout: 20_000 });
    await expect(alert).toContainText(/connection/i);
    const row = db.prepare("select id, status, failure from emails where document_id = ?").get(id) as { id: number; status: string; failure: string };
    expect(row.status).toBe("failed");
    expect(JSON.parse(row.failure).stage).toBe("message");
    expect(mail.messages).toHaveLength(0);

    mail.behaviour.dropAfterData = false;
    await page.goto(`/emails/${row.id}`);
    await page.getByRole("button", { name: "Retry" }).click();
    await expect(page.getByRole("row", { name: /^Status/ })).toContainText("Sent", { timeout: 20_000 });
    await mail.waitForMessages(1);
    await page.waitForTimeout(500);
    expect(mail.messages).toHaveLength(1);
    expect(mail.messages[0].envelope.rcptTo).toEqual(["drop@customer.test"]);
    expect(db.prepare("select status, attempts from emails where id = ?").get(row.id)).toEqual({ status: "sent", attempts: 2 });
  });

  test("the app is killed while an email is in flight: once its lease runs out it shows as interrupted, and Retry sends it", async ({ browser, mail }) => {
    test.setTimeout(120_000);
    const app = await startAppServer(path.join(runDir, "killed-app"), { MAILROOM_OUTBOX_LEASE_SECONDS: "3" });
    const context = await browser.newContext({ baseURL: app.url, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    try {
      await page.goto("/setup");
      await page.getByLabel("Business name").fill(BUSINESS_NAME);
      await page.getByLabel("Your name").fill(ADMIN.name);
      await page.getByLabel("Email").fill(ADMIN.email);
      await page.getByLabel("Password").fill(ADMIN.password);
      await page.getByRole("button", { name: "Create and sign in" }).click();
      await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
      await configureSmtp(page, mail);

      const db = new Database(app.databasePath);
      db.pragma("busy_timeout = 5000");
      // This app has its own database: its customer and quote are made through its forms.
      await addContact(page, "customers", { name: "Crash Test Co", emails: "crash@customer.test" });
      const id = await createDocument(page, "sales-quotes", {
        contactLabel: "Customer",
        contact: "Crash Test Co",
        issueDate: "2026-11-02",
        lines: [{ description: "Quote", quantity: "1", unitPrice: "100", taxRate: "21" }],
      });

      mail.behaviour.holdAfterData = true;
      await page.goto(`/documents/sales-quotes/${id}`);
      await emailButton(page).click();
      await page.getByRole("dialog").getByRole("button", { name: "Send" }).click();
      await expect.poll(() => (db.prepare("select status from emails").get() as { status: string } | undefined)?.status).toBe("sending");
      await page.waitForTimeout(300);
      await app.kill("SIGKILL");
      mail.behaviour.holdAfterData = false;
      expect(db.prepare("select status from emails").get()).toEqual({ status: "sending" });

      await app.restart();
      await expect.poll(() => (db.prepare("select status from emails").get() as { status: string }).status, { timeout: 15_000 }).toBe("interrupted");
      await page.goto("/emails");
      const row = page.locator("tr[data-email-id]");
      await expect(row).toContainText("Interrupted");
      await row.getByRole("button", { name: /^Retry/ }).click();
      await expect(row).toContainText("Sent", { timeout: 20_000 });
      const [message] = await mail.waitForMessages(1);
      expect(message.envelope.rcptTo).toEqual(["crash@customer.test"]);
      expect(message.parsed.attachments[0].filename).toBe("Sales Quote QUO-0001.pdf");
      expect(db.prepare("select status, attempts from emails").get()).toEqual({ status: "sent", attempts: 2 });
      db.close();
    } finally {
      await context.close();
      await app.kill("SIGTERM");
    }
  });

  test("50 concurrent sends: 50 messages received, 50 log rows, no errors", async ({ playwright, baseURL, db, mail }) => {
    const contact = seedContact(businessIdOf(db), { kind: "customer", name: "Busy Buyer", emails: "busy@customer.test" });
    const id = seedDocument(businessIdOf(db), { type: "sales-invoices", contactId: contact, reference: uniqueReference("INV-"), dueDate: "2026-12-01", lines: [{ description: "Load", quantity: "1", unitPrice: "1", taxRate: "0" }] });
    const api = await playwright.request.newContext({ baseURL, storageState: storageState.admin, extraHTTPHeaders: { origin: baseURL! } });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.post(`/api/documents/${id}/email`, {
          data: { to: "busy@customer.test", cc: "", subject: `Load test ${i}`, message: `Message ${i}`, idempotencyKey: crypto.randomUUID() },
        }),
      ),
    );
    const bodies = await Promise.all(responses.map(async (r) => ({ status: r.status(), body: await r.json() })));
    expect(bodies.filter((b) => b.status !== 200 || !["queued", "sending", "sent"].includes(b.body.status))).toEqual([]);
    await api.dispose();
    const received = await mail.waitForMessages(50, 30_000);
    expect(new Set(received.map((m) => m.parsed.subject)).size).toBe(50);
    await expect.poll(() => db.prepare("select status, count(*) as n from emails where document_id = ? group by status").all(id)).toEqual([{ status: "sent", n: 50 }]);
  });
});

test.describe("hostile input", () => {
  const garbage = [null, 42, true, [], {}, ["a@b.com"]];
  const huge = "x".repeat(100_000);
  const bad = {
    host: ["", " ", "smtp://smtp.gmail.com", "https://smtp.gmail.com", "smtp.gmail.com/path", "smtp.gmail.com\r\nRCPT TO:<x@evil.test>", "smtp.gm\u0430il.com", "host\u0000name", "a b.com", "-bad-.com", "smtp..com", "javascript:alert(1)", huge, ...garbage],
    port: [0, -1, 65536, 100000, 1e9, 3.5, "abc", "", "587; DROP TABLE users", null, [], {}],
    address: ["x", "a@b", "a@b..com", "@b.com", "a@", "<a@b.com>", "a@b.com\r\nBcc: thief@evil.test", "a@b.com\nBcc: thief@evil.test", "\u0430dmin@example.com", "adm\u0000in@example.com", "javascript:alert(1)", `${huge}@b.com`, ...garbage.filter((g) => g !== null)],
    list: ["x", "a@b.com,,c", "a@b.com c@d.com", "<a@b.com>", "a@b.com\r\nBcc: thief@evil.test", "a@b.com; \u0430@b.com", Array.from({ length: 60 }, (_, i) => `p${i}@b.com`).join(","), huge, 42, {}, ["a@b.com"]],
    url: ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "http://relay.example.com/send", "ftp://relay.example.com", "https://", "https://user:pass@relay.example.com/", "relay.example.com", "https://relay.example.com/\r\nHost: evil", 7, [], {}],
    text: ["", "line\r\nBcc: thief@evil.test", "nul\u0000byte", huge, 5, {}, []],
    uuid: ["", "not-a-uuid", "' OR 1=1 --", "00000000-0000-0000-0000-00000000000g", huge, 5, null],
  };

  function settingsCases(valid: Record<string, unknown>) {
    const cases: { field: string; patch: Record<string, unknown> }[] = [];
    const add = (field: string, values: unknown[], extra: Record<string, unknown> = {}) =>
      values.forEach((value) => cases.push({ field, patch: { ...extra, [field]: value } }));
    add("smtpHost", bad.host);
    add("smtpPort", bad.port);
    add("smtpSecurity", ["ssl", "TLS", "", null, 1]);
    add("protocol", ["ftp", "", null, 1, ["smtp"]]);
    add("smtpUsername", ["", "user\r\nname", "user\u0000", "u".repeat(300), null, 5, {}]);
    add("smtpEmail", bad.address.concat([""]), { smtpUsername: "mailer" });
    add("smtpPassword", ["pass\u0000word", "pass\r\nword", "p".repeat(1001), 12345, null]);
    add("copyAddress", bad.address.concat([""]), { copyEnabled: true });
    add("replyToAddresses", bad.list.concat(["", ",,,"]), { replyToEnabled: true });
    add("copyEnabled", ["yes", 1, null, "true"]);
    add("skipTlsVerify", ["no", 0, null]);
    add("httpUrl", bad.url.concat([""]), { protocol: "http", httpReplyTo: "desk@acme.test" });
    add("httpReplyTo", bad.address.concat([""]), { protocol: "http", httpUrl: "https://relay.example.com/send" });
    return cases.map(({ field, patch }) => ({ field, args: [{ ...valid, ...patch }] as unknown[] }));
  }

  test("over 200 generated bad inputs to the settings and send actions: no 5xx, nothing stored, a field message each", async ({ page, db, mail, playwright, baseURL }) => {
    test.setTimeout(180_000);
    mail.reset();
    await configureSmtp(page, mail);
    // Record the real requests the browser makes, to replay them with hostile bodies.
    await page.goto("/settings/email");
    const settingsRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const saveAction = await settingsRequest;
    const validSettings = (JSON.parse(saveAction.postData()!) as [Record<string, unknown>])[0];

    const contact = seedContact(businessIdOf(db), { kind: "customer", name: "Fuzz Target", emails: "fuzz@customer.test" });
    const documentId = seedDocument(businessIdOf(db), { type: "sales-invoices", contactId: contact, reference: uniqueReference("INV-"), dueDate: "2026-12-01", lines: [{ description: "Fuzz", quantity: "1", unitPrice: "1", taxRate: "0" }] });
    await page.goto(`/documents/sales-invoices/${documentId}`);
    await emailButton(page).click();
    const sendRequest = page.waitForRequest((r) => r.method() === "POST" && (r.postData() ?? "").includes("idempotencyKey"));
    await page.getByRole("dialog").getByRole("button", { name: "Send" }).click();
    const sendAction = await sendRequest;
    await mail.waitForMessages(1);
    const validSend = (JSON.parse(sendAction.postData()!) as [Record<string, unknown>])[0];

    const settingsBefore = db.prepare("select * from email_settings").get();
    const emailsBefore = db.prepare("select count(*) as n from emails").get();
    const api = await playwright.request.newContext({ baseURL, storageState: storageState.admin });
    const actionHeaders = (request: typeof saveAction) => ({
      "next-action": request.headers()["next-action"],
      "content-type": request.headers()["content-type"],
      accept: "text/x-component",
      origin: baseURL!,
    });

    const sendCases: { field: string; args: unknown[] }[] = [];
    const addSend = (field: string, values: unknown[]) => values.forEach((value) => sendCases.push({ field, args: [{ ...validSend, idempotencyKey: crypto.randomUUID(), [field]: value }] }));
    addSend("to", bad.list.concat(["", "a@", "javascript:alert(1)"]));
    addSend("cc", ["x", "a@b..com", "a@b.com\r\nX-Evil: 1", 5, {}]);
    addSend("subject", bad.text.concat(["s".repeat(301)]));
    addSend("message", ["", "m".repeat(20_001), "nul\u0000byte", 7, null, {}]);
    addSend("documentId", ["abc", -1, 0, 1.5, null, [], {}]);
    addSend("idempotencyKey", bad.uuid);

    const settings = settingsCases(validSettings);
    const shapes = [[], [null], ["string"], [[]], [42]];
    type Case = { label: string; send: () => Promise<{ status: number; text: string }> };
    const toResult = async (r: Awaited<ReturnType<APIRequestContext["post"]>>) => ({ status: r.status(), text: await r.text() });
    const cases: Case[] = [
      ...settings.map((c) => ({ label: `settings action ${c.field}=${JSON.stringify(c.args[0] && (c.args[0] as Record<string, unknown>)[c.field])?.slice(0, 40)}`, send: async () => toResult(await api.post("/settings/email", { headers: actionHeaders(saveAction), data: JSON.stringify(c.args) })) })),
      ...settings.map((c) => ({ label: `settings test ${c.field}`, send: async () => toResult(await api.post("/api/email-settings/test", { headers: { origin: baseURL! }, data: c.args[0] as object })) })),
      ...sendCases.map((c) => ({ label: `send action ${c.field}`, send: async () => toResult(await api.post(`/documents/sales-invoices/${documentId}`, { headers: actionHeaders(sendAction), data: JSON.stringify(c.args) })) })),
      ...shapes.map((args) => ({ label: `settings action args ${JSON.stringify(args)}`, send: async () => toResult(await api.post("/settings/email", { headers: actionHeaders(saveAction), data: JSON.stringify(args) })) })),
      ...shapes.map((args) => ({ label: `send action args ${JSON.stringify(args)}`, send: async () => toResult(await api.post(`/documents/sales-invoices/${documentId}`, { headers: actionHeaders(sendAction), data: JSON.stringify(args) })) })),
    ];
    expect(cases.length).toBeGreaterThanOrEqual(200);

    const problems: string[] = [];
    for (const c of cases) {
      const { status, text } = await c.send();
      if (status >= 500) problems.push(`${c.label}: HTTP ${status}`);
      else if (!text.includes('"error":"invalid"') || !text.includes('"fieldErrors":{"')) problems.push(`${c.label}: no field message (${status} ${text.slice(0, 120)})`);
    }
    await api.dispose();
    expect(problems).toEqual([]);
    expect(db.prepare("select * from email_settings").get()).toEqual(settingsBefore);
    expect(db.prepare("select count(*) as n from emails").get()).toEqual(emailsBefore);
    expect(mail.messages).toHaveLength(1);
  });
});

test.describe("forged input to business details and contacts", () => {
  test("the server refuses what the form would have refused, and stores nothing", async ({ page, db, playwright, baseURL }) => {
    const record = async (submit: () => Promise<void>) => {
      const request = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
      await submit();
      return request;
    };
    await page.goto("/settings");
    const business = await record(() => page.getByRole("button", { name: "Save" }).click());
    await page.goto("/customers/new");
    await page.getByLabel("Name").fill("Recorded Customer");
    await page.getByLabel("Email").fill("recorded@customer.test");
    const contact = await record(() => page.getByRole("button", { name: "Create" }).click());
    await expect(page).toHaveURL(/\/customers\/\d+$/);

    const businessBefore = db.prepare("select * from businesses").all();
    const contactsBefore = db.prepare("select * from contacts").all();
    const api = await playwright.request.newContext({ baseURL, storageState: storageState.admin });
    const replay = async (request: typeof business, patch: Record<string, unknown>) => {
      const [args] = JSON.parse(request.postData()!) as [Record<string, unknown>];
      const response = await api.post(new URL(request.url()).pathname, {
        headers: { "next-action": request.headers()["next-action"], "content-type": request.headers()["content-type"], accept: "text/x-component", origin: baseURL! },
        data: JSON.stringify([{ ...args, ...patch }]),
      });
      expect(response.status(), JSON.stringify(patch)).toBeLessThan(500);
      expect(await response.text(), JSON.stringify(patch)).toContain('"error":"invalid"');
    };
    for (const patch of [{ email: "not-an-email" }, { name: "" }, { name: "Acme\r\nBcc: x@evil.test" }, { phone: "1\u0000" }, { name: "x".repeat(201) }]) {
      await replay(business, patch);
    }
    for (const patch of [{ emails: "billing@broken; not-an-address" }, { emails: "a@b.com\r\nBcc: x@evil.test" }, { emails: "" }, { name: "" }, { address: 42 }]) {
      await replay(contact, patch);
    }
    await api.dispose();
    expect(db.prepare("select * from businesses").all()).toEqual(businessBefore);
    expect(db.prepare("select * from contacts").all()).toEqual(contactsBefore);
  });
});

test.describe("sign-in throttling under a burst", () => {
  test("100 rapid attempts on one account from one address get through at most five; the owner and other accounts elsewhere still sign in", async ({ baseURL, db }) => {
    const victim = { email: "burst-victim@acme.test", password: "victim-password-1" };
    await seedUser(businessIdOf(db), { name: "Burst Victim", ...victim, role: "staff" });

    // The attacker's sockets come from 127.0.0.3; X-Forwarded-For is ignored without TRUST_PROXY.
    const attacker = new LoopbackClient(baseURL!, "127.0.0.3");
    const { csrfToken } = JSON.parse((await attacker.request("GET", "/api/auth/csrf")).body) as { csrfToken: string };
    const attempt = async (password: string) => {
      const answer = await attacker.request("POST", "/api/auth/callback/credentials", {
        headers: { "content-type": "application/x-www-form-urlencoded", "X-Forwarded-For": "198.51.100.77" },
        body: new URLSearchParams({ email: victim.email, password, csrfToken, json: "true" }).toString(),
      });
      const { url } = JSON.parse(answer.body || "{}") as { url?: string };
      return (url && new URL(url, baseURL).searchParams.get("error")) || "signed-in";
    };
    // The right password hides among the guesses: it must not get through once the lock is on.
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(i === 60 ? victim.password : `guess-${i}`)));
    const notThrottled = answers.filter((a) => !a.startsWith("throttled:"));
    expect(notThrottled.length).toBeLessThanOrEqual(5);
    expect(answers[60]).toMatch(/^throttled:/);
    expect(answers).not.toContain("signed-in");
    expect(await attempt(victim.password)).toMatch(/^throttled:/);

    // A burst locks the attacker's address, never the account: its owner, elsewhere, signs in
    // (only slowed), and so does another account.
    expect(await new LoopbackClient(baseURL!, "127.0.0.4").signIn(victim.email, victim.password)).toEqual({ ok: true, error: null });
    expect(await new LoopbackClient(baseURL!, "127.0.0.5").signIn(STAFF.email, STAFF.password)).toEqual({ ok: true, error: null });
  });
});
