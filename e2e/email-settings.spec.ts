import fs from "node:fs";
import { test, expect, seriousA11yViolations } from "./fixtures/test";
import { BUSINESS_NAME, databasePath, storageState } from "./fixtures/accounts";
import { fillSmtpSettings, runSettingsTest, saveSettings, stage, testFailure, testSuccess } from "./fixtures/email-settings";
import { startMailServer } from "../test/fixtures/mail-server";

const TYPE_THE_PASSWORD = "Type the password: the saved one is only used with the server, port, security, certificate check and username it was saved with.";

test.use({ storageState: storageState.admin });

const STAGES = ["resolve", "connect", "tls", "greeting", "login", "envelope", "message"];
const settingsRow = (db: import("better-sqlite3").Database) => db.prepare("select * from email_settings").get();

test.describe.configure({ mode: "serial" });

test.describe("email settings", () => {
  test.beforeEach(({ mail, relay }) => {
    mail.reset();
    relay.reset();
  });

  test("admin tests SMTP over STARTTLS and implicit TLS, every stage passes, then saves", async ({ page, mail, db }) => {
    // Forges "never configured": the app has no way to remove saved email settings.
    db.prepare("delete from email_settings").run();
    await page.goto("/settings/email");
    await expect(page.getByText("Email is not set up yet.")).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Port 587 picks STARTTLS and 465 picks SSL/TLS by themselves until the user chooses.
    await page.getByRole("button", { name: "465", exact: true }).click();
    await expect(page.getByLabel("Security", { exact: true })).toHaveValue("tls");
    await page.getByRole("button", { name: "587", exact: true }).click();
    await expect(page.getByLabel("Security", { exact: true })).toHaveValue("starttls");

    await fillSmtpSettings(page, { host: "localhost", port: mail.starttlsPort, security: "STARTTLS", username: mail.user, password: mail.password });
    await runSettingsTest(page);
    await expect(testSuccess(page)).toContainText(`Test email sent to ${mail.user}`);
    for (const name of STAGES) await expect(stage(page, name)).toHaveAttribute("data-status", "ok");

    const [starttlsMessage] = await mail.waitForMessages(1);
    expect(starttlsMessage.auth.username).toBe(mail.user);
    expect(starttlsMessage.secure).toBe(true);
    expect(starttlsMessage.parsed.from?.value[0]).toEqual({ name: BUSINESS_NAME, address: mail.user });
    expect(starttlsMessage.envelope.rcptTo).toEqual([mail.user]);
    expect(starttlsMessage.parsed.subject).toBe("Mailroom test email");

    await fillSmtpSettings(page, { host: "localhost", port: mail.tlsPort, security: "SSL/TLS", username: mail.user, password: mail.password });
    await runSettingsTest(page);
    await expect(testSuccess(page)).toBeVisible();
    for (const name of STAGES) await expect(stage(page, name)).toHaveAttribute("data-status", "ok");
    const messages = await mail.waitForMessages(2);
    expect(messages[1].secure).toBe(true);
    expect(messages[1].auth.username).toBe(mail.user);

    await saveSettings(page);
    const row = settingsRow(db) as Record<string, unknown>;
    expect(row).toMatchObject({ protocol: "smtp", smtp_host: "localhost", smtp_port: mail.tlsPort, smtp_security: "tls", smtp_username: mail.user });
    await page.goto("/");
    await expect(page.getByText("Email is set up")).toBeVisible();
  });

  test("a self-signed certificate fails at the TLS stage until verification is turned off", async ({ page, mail }) => {
    await page.goto("/settings/email");
    await fillSmtpSettings(page, { host: "localhost", port: mail.selfSignedPort, security: "SSL/TLS", username: mail.user, password: mail.password });
    await runSettingsTest(page);
    await expect(testFailure(page)).toContainText("certificate");
    await expect(stage(page, "tls")).toHaveAttribute("data-status", "failed");
    await expect(stage(page, "login")).toHaveAttribute("data-status", "notRun");
    expect(mail.messages).toHaveLength(0);

    await page.getByLabel("Do not verify TLS certificate").check();
    await runSettingsTest(page);
    await expect(testSuccess(page)).toBeVisible();
    await mail.waitForMessages(1);
  });

  test("a wrong password gets authentication advice and the raw reply under Details", async ({ page, mail }) => {
    await page.goto("/settings/email");
    await fillSmtpSettings(page, { host: "localhost", port: mail.starttlsPort, security: "STARTTLS", username: mail.user, password: "wrong-password" });
    await runSettingsTest(page);
    const failure = testFailure(page);
    await expect(failure).toContainText(/password/i);
    await expect(stage(page, "login")).toHaveAttribute("data-status", "failed");
    await expect(failure.getByText("If sending fails, check:", { exact: true })).toBeVisible();
    await expect(failure.getByText("Whether the same settings work in another email program such as Mozilla Thunderbird", { exact: false })).toBeVisible();
    await failure.getByText("Details", { exact: true }).click();
    await expect(failure.locator("pre")).toContainText("535");
    await expect(failure).not.toContainText("wrong-password");
  });

  test("SSL/TLS against the STARTTLS port is recognised, and the one-click fix works", async ({ page, mail }) => {
    await page.goto("/settings/email");
    await fillSmtpSettings(page, { host: "localhost", port: mail.starttlsPort, security: "SSL/TLS", username: mail.user, password: mail.password });
    await runSettingsTest(page);
    await expect(testFailure(page)).toContainText("expects STARTTLS");
    await page.getByRole("button", { name: "Use STARTTLS and test again" }).click();
    await expect(testSuccess(page)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByLabel("Security", { exact: true })).toHaveValue("starttls");
    await mail.waitForMessages(1);
  });

  test("a refused port, a silent server and an unknown host each get their own advice, quickly", async ({ page, mail }) => {
    await page.goto("/settings/email");
    // A port nobody listens on: refused, answered well within a second by the server.
    const closedPort = await (async () => {
      const net = await import("node:net");
      const server = net.createServer().listen(0, "127.0.0.1");
      await new Promise((r) => server.once("listening", r));
      const { port } = server.address() as import("node:net").AddressInfo;
      await new Promise((r) => server.close(r));
      return port;
    })();
    await fillSmtpSettings(page, { host: "localhost", port: closedPort, security: "STARTTLS", username: mail.user, password: mail.password });
    await page.getByRole("button", { name: "Test email settings" }).click();
    await expect(testFailure(page)).toContainText("refused", { timeout: 2_000 });
    await expect(stage(page, "connect")).toHaveAttribute("data-status", "failed");

    await fillSmtpSettings(page, { host: "localhost", port: mail.silentPort, security: "STARTTLS", username: mail.user, password: mail.password });
    await page.getByRole("button", { name: "Test email settings" }).click();
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Testing your email settings" })).toBeVisible();
    await expect(testFailure(page)).toContainText(/did not answer|no greeting|never/i, { timeout: 15_000 });

    await fillSmtpSettings(page, { host: "no-such-host.invalid", port: 587, security: "STARTTLS", username: mail.user, password: mail.password });
    await runSettingsTest(page);
    await expect(testFailure(page)).toContainText("could not be found");
    await expect(stage(page, "resolve")).toHaveAttribute("data-status", "failed");
  });

  test("username without @ asks for the Email address; copy and reply-to fields appear, are required and reach the message", async ({ page }) => {
    const server = await startMailServer({ user: "acme-mailer", password: "mailer secret 42" });
    try {
      await page.goto("/settings/email");
      await fillSmtpSettings(page, { host: "localhost", port: server.starttlsPort, security: "STARTTLS", username: "acme-mailer", password: server.password });
      const email = page.getByLabel("Email address", { exact: true });
      await expect(email).toBeVisible();
      await email.fill("");

      await page.getByLabel("Send a copy of every email to this address").check();
      await page.getByLabel("Receive replies at a different address").check();
      await page.getByRole("button", { name: "Test email settings" }).click();
      for (const label of ["Email address", "Copy address", "Reply-to address"]) {
        await expect(page.getByLabel(label, { exact: true })).toHaveAttribute("aria-invalid", "true");
      }
      await expect(page.getByText("This field is required.")).toHaveCount(3);
      expect(server.messages).toHaveLength(0);

      await email.fill("billing@acme.test");
      await page.getByLabel("Copy address", { exact: true }).fill("archive@acme.test");
      await page.getByLabel("Reply-to address", { exact: true }).fill("replies@acme.test, boss@acme.test");
      await runSettingsTest(page);
      await expect(testSuccess(page)).toContainText("billing@acme.test");

      const [message] = await server.waitForMessages(1);
      expect(message.auth.username).toBe("acme-mailer");
      expect(message.envelope.mailFrom).toBe("billing@acme.test");
      expect(message.envelope.rcptTo.sort()).toEqual(["archive@acme.test", "billing@acme.test"]);
      expect(message.parsed.headers.has("bcc")).toBe(false);
      expect(message.raw.toString()).not.toContain("archive@acme.test");
      expect(message.parsed.replyTo?.value.map((a) => a.address)).toEqual(["replies@acme.test", "boss@acme.test"]);
      expect(message.parsed.from?.value[0]).toEqual({ name: BUSINESS_NAME, address: "billing@acme.test" });

      await page.getByLabel("Username").fill("billing@acme.test");
      await expect(email).toBeHidden();
    } finally {
      await server.close();
    }
  });

  test("the saved password never reaches the browser or the database in clear, and a blank password keeps it", async ({ page, mail, db }) => {
    const bodies: string[] = [];
    page.on("response", async (response) => {
      const body = await response.body().catch(() => Buffer.alloc(0));
      bodies.push(body.toString("utf8"));
    });
    await page.goto("/settings/email");
    await fillSmtpSettings(page, { host: "localhost", port: mail.starttlsPort, security: "STARTTLS", username: mail.user, password: mail.password });
    await page.getByLabel("Send a copy of every email to this address").uncheck();
    await page.getByLabel("Receive replies at a different address").uncheck();
    await saveSettings(page);

    await page.reload();
    const password = page.getByLabel("Password", { exact: true });
    await expect(password).toHaveValue("");
    await expect(page.getByText("leave blank to keep the saved password")).toBeVisible();
    await page.getByLabel("Show password").check();
    await expect(password).toHaveAttribute("type", "text");
    await expect(password).toHaveValue("");

    // Blank password: the test and a later save use the saved one.
    await runSettingsTest(page);
    await expect(testSuccess(page)).toBeVisible();
    const [message] = await mail.waitForMessages(1);
    expect(message.auth.username).toBe(mail.user);
    await saveSettings(page);
    await page.reload();
    await runSettingsTest(page);
    await expect(testSuccess(page)).toBeVisible();
    await mail.waitForMessages(2);

    await page.waitForLoadState("networkidle");
    expect(bodies.length).toBeGreaterThan(5);
    const leaks = bodies.filter((b) => b.includes(mail.password) || b.includes(Buffer.from(mail.password).toString("base64")));
    expect(leaks).toEqual([]);

    // The saved password only ever goes to the server and username it was saved with.
    const other = await startMailServer({ user: mail.user, password: mail.password });
    try {
      await page.getByLabel("Port", { exact: true }).fill(String(other.starttlsPort));
      await page.getByLabel("SMTP server").fill("127.0.0.1");
      await page.getByRole("button", { name: "Test email settings" }).click();
      await expect(page.getByText(TYPE_THE_PASSWORD)).toBeVisible();
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
      await page.waitForTimeout(500);
      expect(other.messages).toHaveLength(0);
    } finally {
      await other.close();
    }

    // Same server, but another port, security "None" or no certificate check: type it again.
    const savedRow = settingsRow(db);
    const changes: Array<[string, () => Promise<void>]> = [
      ["port", () => page.getByLabel("Port", { exact: true }).fill("2525")],
      ["security", async () => void (await page.getByLabel("Security", { exact: true }).selectOption({ label: "None" }))],
      ["TLS verification", () => page.getByLabel("Do not verify TLS certificate").check()],
    ];
    for (const [what, change] of changes) {
      await page.reload();
      await change();
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByText(TYPE_THE_PASSWORD), what).toBeVisible();
      await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
      expect(settingsRow(db), what).toEqual(savedRow);
    }

    const row = settingsRow(db) as Record<string, unknown>;
    expect(row.smtp_host).toBe("localhost");
    expect(String(row.smtp_password_sealed)).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(mail.password);
    db.pragma("wal_checkpoint(TRUNCATE)");
    for (const file of [databasePath, `${databasePath}-wal`]) {
      if (fs.existsSync(file)) expect(fs.readFileSync(file).includes(Buffer.from(mail.password)), file).toBe(false);
    }
  });

  test("HTTP relay: the test posts the multipart form, and a 500 shows its status and body", async ({ page, relay, db }) => {
    const before = settingsRow(db);
    await page.goto("/settings/email");
    await page.getByRole("radio", { name: "HTTP" }).check();
    await page.getByLabel("HTTP server").fill(relay.url);
    await page.getByLabel("Reply to", { exact: true }).fill("desk@acme.test");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await runSettingsTest(page);
    await expect(testSuccess(page)).toContainText("desk@acme.test");
    for (const name of ["resolve", "connect", "message"]) await expect(stage(page, name)).toHaveAttribute("data-status", "ok");
    expect(relay.requests).toHaveLength(1);
    const { fields, headers } = relay.requests[0];
    expect(headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(fields).toMatchObject({ from: BUSINESS_NAME, reply_to: "desk@acme.test", to: "desk@acme.test", subject: "Mailroom test email" });
    expect(fields.body).toContain("<p>");

    relay.respondWith(500, "relay exploded: quota exceeded");
    await runSettingsTest(page);
    const failure = testFailure(page);
    await expect(failure).toContainText("HTTP 500");
    await failure.getByText("Details", { exact: true }).click();
    await expect(failure.locator("pre")).toContainText("relay exploded: quota exceeded");
    // Testing never saves.
    expect(settingsRow(db)).toEqual(before);
  });

  test("invalid input gets field messages from the browser's check and leaves the stored settings byte-for-byte unchanged", async ({ page, db }) => {
    const before = settingsRow(db);
    await page.goto("/settings/email");
    // The schema the server checks with runs in the browser first: bad input never leaves it (the forged saves below prove the server's own check).
    const actionPosts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.headers()["next-action"]) actionPosts.push(request.url());
    });
    await page.getByLabel("SMTP server").fill("smtp://smtp.gmail.com");
    await page.getByLabel("Port", { exact: true }).fill("70000");
    await page.getByLabel("Username").fill("");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Enter only the server name, without smtp:// or https://.")).toBeVisible();
    await expect(page.getByText("Enter a port number between 1 and 65535.")).toBeVisible();
    await expect(page.getByText("This field is required.")).toBeVisible();
    await page.getByLabel("SMTP server").fill("smtp.example .com");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("The server name cannot contain spaces.")).toBeVisible();
    await page.getByRole("radio", { name: "HTTP" }).check();
    await page.getByLabel("HTTP server").fill("http://relay.example.com/send");
    await page.getByLabel("Reply to", { exact: true }).fill("not an address");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Use an https:// address")).toBeVisible();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    expect(actionPosts).toEqual([]);
    expect(settingsRow(db)).toEqual(before);
  });

  test("forged saves with CR/LF, and staff or anonymous callers, change nothing and read nothing", async ({ page, playwright, db, baseURL, mail }) => {
    await page.goto("/settings/email");
    const recorded = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const request = await recorded;
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Email settings saved." })).toBeVisible();
    const saved = settingsRow(db);
    const headers = { "next-action": request.headers()["next-action"], "content-type": request.headers()["content-type"], accept: "text/x-component", origin: baseURL! };
    const args = JSON.parse(request.postData()!) as [Record<string, unknown>];

    const forge = (patch: Record<string, unknown>) => JSON.stringify([{ ...args[0], ...patch }]);
    const attacks = [
      { copyEnabled: true, copyAddress: "archive@acme.test\r\nBcc: thief@evil.test" },
      { replyToEnabled: true, replyToAddresses: "a@acme.test\nBcc: thief@evil.test" },
      { smtpHost: "localhost\r\nRCPT TO:<thief@evil.test>" },
      { smtpUsername: "owner@acme.test\u0000" },
      { smtpPort: "587; rm -rf /" },
      { protocol: "ftp" },
    ];
    const admin = await playwright.request.newContext({ baseURL, storageState: storageState.admin });
    for (const patch of attacks) {
      const response = await admin.post("/settings/email", { headers, data: forge(patch) });
      expect(response.status(), JSON.stringify(patch)).toBeLessThan(500);
      expect(await response.text()).toContain('"error":"invalid"');
    }
    await admin.dispose();
    expect(settingsRow(db)).toEqual(saved);

    const staff = await playwright.request.newContext({ baseURL, storageState: storageState.staff });
    const staffSave = await staff.post("/settings/email", { headers, data: forge({ smtpHost: "evil.example.com" }) });
    expect(await staffSave.text()).toContain('"error":"forbidden"');
    const staffTest = await staff.post("/api/email-settings/test", { data: args[0], headers: { origin: baseURL! } });
    expect(staffTest.status()).toBe(403);
    const staffPage = await staff.get("/settings/email");
    expect(staffPage.status()).toBe(403);
    expect(await staffPage.text()).not.toContain(String(mail.starttlsPort));
    await staff.dispose();

    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const anonTest = await anonymous.post("/api/email-settings/test", { data: args[0] });
    expect(anonTest.status()).toBe(401);
    const anonSave = await anonymous.post("/settings/email", { headers, data: forge({ smtpHost: "evil.example.com" }), maxRedirects: 0 });
    expect(await anonSave.text()).toContain('"error":"unauthorized"');
    await anonymous.dispose();

    expect(settingsRow(db)).toEqual(saved);
  });

  test("the form works in Spanish", async ({ page, mail }) => {
    await page.goto("/settings/email");
    await page.getByLabel("Language").selectOption("es");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("heading", { name: "Configuración de correo electrónico" })).toBeVisible();
    try {
      await page.getByLabel("Servidor SMTP").fill("localhost");
      await page.getByLabel("Puerto", { exact: true }).fill(String(mail.starttlsPort));
      await page.getByLabel("Seguridad", { exact: true }).selectOption({ label: "STARTTLS" });
      await page.getByLabel("Nombre de usuario").fill(mail.user);
      await page.getByLabel("Contraseña", { exact: true }).fill("contraseña-mala");
      await page.getByRole("button", { name: "Probar la configuración de correo" }).click();
      const failure = page.getByRole("main").getByRole("alert").filter({ hasText: "No se pudo enviar el correo de prueba." });
      await expect(failure).toBeVisible({ timeout: 20_000 });
      await expect(failure).toContainText("Si el envío falla, revisa esto:");
      await expect(failure).toContainText("Thunderbird");
      // Stages are named as nouns, so a failed one reads as a status, not a contradiction.
      await expect(page.locator('[data-stage="login"]')).toContainText("Inicio de sesión: fallido");
      await expect(page.locator('[data-stage="message"]')).toContainText("Envío del mensaje: no realizado");
      await page.getByLabel("Contraseña", { exact: true }).fill(mail.password);
      await page.getByRole("button", { name: "Probar la configuración de correo" }).click();
      await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Correo de prueba enviado a" })).toBeVisible({ timeout: 20_000 });
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await page.getByLabel("Idioma").selectOption("en");
      await page.getByRole("button", { name: "Aplicar" }).click();
      await expect(page.getByRole("heading", { name: "Email settings" })).toBeVisible();
    }
  });
});
