import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { test, expect, businessIdOf } from "./fixtures/test";
import { databasePath, storageState } from "./fixtures/accounts";
import { configureSmtp } from "./fixtures/email-settings";
import { seedContact, seedDocument, uniqueReference } from "../test/fixtures/seed";

test.describe("email settings cannot reach internal services", () => {
  test.use({ storageState: storageState.admin });

  test("169.254.169.254 is refused as the SMTP server and as the relay URL, and nothing is stored", async ({ page, db }) => {
    const row = () => db.prepare("select * from email_settings").get();
    const before = row();
    const refused = page.getByText("This address belongs to the machine's own network (link-local or cloud metadata), not to a mail server.", { exact: false });

    await page.goto("/settings/email");
    await page.getByRole("radio", { name: "SMTP" }).check();
    await page.getByLabel("SMTP server").fill("169.254.169.254");
    await page.getByLabel("Username").fill("me@acme.test");
    await page.getByLabel("Password", { exact: true }).fill("whatever-password");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(refused).toBeVisible();
    await expect(page.getByLabel("SMTP server")).toHaveAttribute("aria-invalid", "true");

    await page.reload();
    await page.getByRole("radio", { name: "HTTP" }).check();
    await page.getByLabel("HTTP server").fill("http://169.254.169.254/latest/meta-data/");
    await page.getByLabel("Reply to").fill("me@acme.test");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(refused).toBeVisible();
    await expect(page.getByLabel("HTTP server")).toHaveAttribute("aria-invalid", "true");
    expect(row()).toEqual(before);
  });

  test("the server refuses a metadata address even when the form's check is skipped", async ({ page, baseURL }) => {
    await page.goto("/settings/email");
    const response = await page.request.post(`${baseURL}/api/email-settings/test`, {
      headers: { "content-type": "application/json", origin: baseURL! },
      data: {
        protocol: "http", smtpHost: "", smtpPort: 587, smtpSecurity: "starttls", smtpUsername: "", smtpEmail: "", smtpPassword: "",
        copyEnabled: false, copyAddress: "", replyToEnabled: false, replyToAddresses: "", skipTlsVerify: false,
        httpUrl: "https://[fd00:ec2::254]/", httpReplyTo: "me@acme.test", sendRatePerMinute: "",
      },
    });
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid", fieldErrors: { httpUrl: "emailSettings.errors.hostBlocked" } });
  });
});

test("a failed email's raw server text reaches admins only: its page, the Email log and the live status", async ({ browser, db }) => {
  const raw = "535 5.7.8 internal-relay-7.corp.example rejected credentials";
  const failure = JSON.stringify({ stage: "login", code: "auth_failed", raw, responseCode: 535 });
  // Forged as the outbox records it: no test server is an internal relay with this reply.
  const emailId = Number(
    db
      .prepare(
        "insert into emails (business_id, idempotency_key, protocol, from_address, to_addresses, subject, body_text, body_html, status, failure) values (?, ?, 'smtp', 'owner@acme.test', 'client@example.test', 'Failed one', 'x', '<p>x</p>', 'failed', ?)",
      )
      .run(businessIdOf(db), `raw-details-${Date.now()}`, failure).lastInsertRowid,
  );
  db.prepare("insert into email_attempts (email_id, number, started_at, finished_at, outcome, failure) values (?, 1, ?, ?, 'failed', ?)").run(emailId, Date.now(), Date.now(), failure);
  for (const [role, seesDetails] of [["admin", true], ["staff", false]] as const) {
    const context = await browser.newContext({ storageState: storageState[role] });
    const page = await context.newPage();
    await page.goto(`/emails/${emailId}`);
    await expect(page.getByRole("heading", { name: "Failed one" }).or(page.getByText("Failed one").first())).toBeVisible();
    await expect(page.getByText("Details", { exact: true }), role).toHaveCount(seesDetails ? 1 : 0);
    // The page's HTML includes the data sent to its client components: the live status, the attempt log.
    expect((await page.content()).includes("internal-relay-7"), role).toBe(seesDetails);
    await page.goto("/emails");
    expect((await page.content()).includes("internal-relay-7"), `${role} on /emails`).toBe(seesDetails);
    const status = await page.request.post("/api/emails/status", { data: { ids: [emailId] } });
    expect(status.status()).toBe(200);
    expect((await status.text()).includes("internal-relay-7"), `${role} from /api/emails/status`).toBe(seesDetails);
    await context.close();
  }
});

test.describe("contact names in email drafts", () => {
  test.use({ storageState: storageState.admin });

  test("a contact named like a Markdown link gets an email whose HTML links nowhere", async ({ page, db, mail }) => {
    mail.reset();
    await configureSmtp(page, mail);
    const name = "[x](https://evil.test) ![](https://tracker.evil.test/p.gif)";
    const contactId = seedContact(businessIdOf(db), { kind: "customer", name, emails: "victim@customer.test" });
    const id = seedDocument(businessIdOf(db), { type: "sales-invoices", contactId, reference: uniqueReference("MD-"), lines: [{ description: "Work", quantity: "1", unitPrice: "100", taxRate: "21" }] });
    try {
      await page.goto(`/documents/sales-invoices/${id}`);
      await page.getByRole("button", { name: "Email", exact: true }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByLabel("Message")).toHaveValue(/121\.00/);
      await dialog.getByRole("button", { name: "Send" }).click();
      await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Email sent to victim@customer.test." })).toBeVisible({ timeout: 20_000 });

      const [message] = await mail.waitForMessages(1);
      const html = String(message.parsed.html);
      expect(html).toContain("[x](https://evil.test)");
      expect(html).not.toMatch(/href="[^"]*evil\.test/);
      expect(html).not.toMatch(/<img[^>]*evil\.test/);
      expect(html).not.toMatch(/<a\s/);
    } finally {
      db.prepare("delete from emails where document_id = ?").run(id);
      db.prepare("delete from documents where id = ?").run(id);
      db.prepare("delete from contacts where id = ?").run(contactId);
    }
  });
});

test.describe("text that disguises itself", () => {
  test.use({ storageState: storageState.admin });

  test("a customer name with U+202E is refused with a field message and nothing is saved", async ({ page, db }) => {
    const count = () => (db.prepare("select count(*) as n from contacts").get() as { n: number }).n;
    const before = count();
    await page.goto("/customers/new");
    await page.getByLabel("Name").fill("Evil \u202Egnp.exe");
    await page.getByLabel("Email").fill("evil@customer.test");
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page.getByText("Remove the invisible characters (text direction or zero-width marks)")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
    expect(count()).toBe(before);
  });
});

test.describe("passwords", () => {
  test.use({ storageState: storageState.admin });

  test("password12 and one repeated character are refused as a new user's password", async ({ page, db }) => {
    const count = () => (db.prepare("select count(*) as n from users").get() as { n: number }).n;
    const before = count();
    await page.goto("/settings/users");
    await page.getByLabel("Name").fill("Weak Password");
    await page.getByLabel("Email").fill("weak@acme.test");
    await page.getByLabel("Initial password").fill("password12");
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText("This is one of the most common passwords: choose one that is harder to guess.")).toBeVisible();
    await page.getByLabel("Initial password").fill("zzzzzzzzzzzz");
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText("Use more than one repeated character.")).toBeVisible();
    expect(count()).toBe(before);
  });
});

test.describe("malformed requests", () => {
  test.use({ storageState: storageState.admin });

  test("an invalid action body, an over-size one, a foreign Origin and callbackUrl=javascript: answer 4xx", async ({ page, baseURL }) => {
    // The id of a real action (the language switcher's, harmless to run), as the page posts it.
    await page.goto("/");
    const recorded = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await page.getByLabel("Language").selectOption("en");
    await page.getByRole("button", { name: "Apply" }).click();
    const actionId = (await recorded).headers()["next-action"];
    const send = (headers: Record<string, string>, data: string) =>
      page.request.post("/", { headers: { "next-action": actionId, accept: "text/x-component", origin: baseURL!, ...headers }, data, maxRedirects: 0 });

    const invalid = await send({ "content-type": "text/plain;charset=UTF-8" }, "[{not json");
    expect(invalid.status()).toBe(400);
    const oversize = await send({ "content-type": "text/plain;charset=UTF-8" }, JSON.stringify(["x".repeat(2 * 1024 * 1024)]));
    expect(oversize.status()).toBe(413);
    const foreign = await send({ "content-type": "text/plain;charset=UTF-8", origin: "https://evil.test" }, "[]");
    expect(foreign.status()).toBe(403);
    for (const response of [invalid, oversize, foreign]) expect(await response.text()).not.toMatch(/at .*\.js|Error:/);

    const signin = await page.request.get("/api/auth/signin?callbackUrl=javascript:alert(1)", { maxRedirects: 0 });
    expect(signin.status()).toBe(400);
    const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const credentials = await page.request.post("/api/auth/callback/credentials", {
      form: { email: "owner@acme.test", password: "x", csrfToken: csrf.csrfToken, callbackUrl: "javascript:alert(1)", json: "true" },
      maxRedirects: 0,
    });
    expect(credentials.status()).toBe(400);

    const bigJson = await page.request.post("/api/email-settings/test", {
      headers: { "content-type": "application/json", origin: baseURL! },
      data: JSON.stringify({ padding: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(bigJson.status()).toBe(413);
    const badJson = await page.request.post("/api/email-settings/test", { headers: { "content-type": "application/json", origin: baseURL! }, data: "{nope" });
    expect(badJson.status()).toBe(400);
  });
});

test.describe("security headers", () => {
  test.use({ storageState: storageState.admin });

  test("every page answers with a nonce-based CSP its scripts carry, and a Permissions-Policy", async ({ page, db }) => {
    const businessId = businessIdOf(db);
    const contactId = seedContact(businessId, { kind: "customer", name: "Policy Customer", emails: "policy@customer.test" });
    const invoiceId = seedDocument(businessId, { type: "sales-invoices", contactId, reference: uniqueReference("CSP-"), lines: [{ description: "Audit", quantity: "1", unitPrice: "10", taxRate: "21" }] });
    const invoicePage = `/documents/sales-invoices/${invoiceId}`;
    const pages = ["/", "/customers", "/suppliers", "/documents", "/documents/sales-invoices", invoicePage, "/emails", "/guides", "/settings", "/settings/users", "/settings/email", "/settings/templates", "/login"];
    const nonces = new Set<string>();
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = violations;
      document.addEventListener("securitypolicyviolation", (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    for (const path of pages) {
      // The document page frames its PDF: with object-src 'none' it must still load, from the frame.
      const framedPdf = path === invoicePage ? page.waitForResponse((r) => r.url().endsWith(`${invoicePage}/pdf`)) : null;
      const response = await page.goto(path);
      if (framedPdf) {
        expect((await framedPdf).status()).toBe(200);
        await expect(page.locator("iframe.pdf-preview")).toHaveAttribute("title", /^PDF of Sales invoice CSP-/);
      }
      const csp = response!.headers()["content-security-policy"] ?? "";
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(csp)?.[1];
      expect(nonce, `${path}: ${csp}`).toBeTruthy();
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("form-action 'self'");
      expect(response!.headers()["permissions-policy"]).toContain("camera=()");
      nonces.add(nonce!);
      // Scripts in the page carry this response's nonce; ones they load later need none ('strict-dynamic').
      const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce).filter(Boolean));
      expect(scriptNonces.length, path).toBeGreaterThan(0);
      expect(new Set(scriptNonces), path).toEqual(new Set([nonce]));
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), path).toEqual([]);
    }
    expect(nonces.size).toBe(pages.length);
  });
});

test.describe("email previews", () => {
  test.use({ storageState: storageState.admin });

  test("a logged email's remote images load only after Load images, and tell the image host nothing of Mailroom", async ({ page, db }) => {
    const requests: { url: string; referer?: string }[] = [];
    const imageHost = http.createServer((req, res) => {
      requests.push({ url: req.url ?? "", referer: req.headers.referer });
      res.writeHead(200, { "Content-Type": "image/gif" });
      res.end(Buffer.from("R0lGODlhAQABAAAAACwAAAAAAQABAAACAkQBADs=", "base64"));
    });
    await new Promise<void>((resolve) => imageHost.listen(0, "127.0.0.1", resolve));
    const logo = `http://127.0.0.1:${(imageHost.address() as AddressInfo).port}/logo.gif`;
    // Forged as the outbox records a sent email: a body whose template pulled in a remote logo.
    const emailId = Number(
      db
        .prepare(
          "insert into emails (business_id, idempotency_key, protocol, from_address, to_addresses, subject, body_text, body_html, status) values (?, ?, 'smtp', 'owner@acme.test', 'client@example.test', 'With a remote logo', 'Hello', ?, 'sent')",
        )
        .run(businessIdOf(db), `remote-images-${Date.now()}`, `<p>Hello from the logo test</p><p><img src="${logo}" alt="Logo"></p>`).lastInsertRowid,
    );
    try {
      await page.goto(`/emails/${emailId}`);
      const body = page.frameLocator("iframe.email-body");
      await expect(body.getByText("Hello from the logo test")).toBeVisible();
      await expect(page.getByText("Images from other sites are blocked")).toBeVisible();
      expect(requests).toEqual([]);

      const bodyWithImages = page.waitForResponse((response) => response.url().endsWith(`/emails/${emailId}/body`));
      await page.getByRole("button", { name: "Load images" }).click();
      expect((await bodyWithImages).status()).toBe(200);
      await expect(page.getByRole("button", { name: "Load images" })).toHaveCount(0);
      await expect(page.locator("iframe.email-body")).toHaveAttribute("src", `/emails/${emailId}/body`);
      await expect(body.getByText("Hello from the logo test")).toBeVisible();
      await expect.poll(() => requests.map((r) => r.url)).toEqual(["/logo.gif"]);
      expect(requests[0].referer).toBeUndefined();
    } finally {
      imageHost.close();
    }
  });

  test("the email body with images is for signed-in users only, under a policy that runs no script", async ({ page, browser, db }) => {
    const emailId = Number(
      db
        .prepare(
          "insert into emails (business_id, idempotency_key, protocol, from_address, to_addresses, subject, body_text, body_html, status) values (?, ?, 'smtp', 'owner@acme.test', 'client@example.test', 'Body route', 'x', '<p>x</p>', 'sent')",
        )
        .run(businessIdOf(db), `body-route-${Date.now()}`).lastInsertRowid,
    );
    const own = await page.request.get(`/emails/${emailId}/body`);
    expect(own.status()).toBe(200);
    expect(own.headers()["content-security-policy"]).toMatch(/default-src 'none'.*sandbox/);
    const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    expect((await anonymous.request.get(`/emails/${emailId}/body`, { maxRedirects: 0 })).status()).toBe(401);
    await anonymous.close();
    expect((await page.request.get("/emails/999999999/body")).status()).toBe(404);
  });
});

test("the running app's data folder is 0700 and its database, WAL and SHM files are 0600", async ({ db }) => {
  db.prepare("select 1").get();
  const mode = (file: string) => fs.statSync(file).mode & 0o777;
  expect(mode(path.dirname(databasePath))).toBe(0o700);
  for (const file of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`]) expect(mode(file), file).toBe(0o600);
});
