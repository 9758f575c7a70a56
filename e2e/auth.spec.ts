import { test, expect, businessIdOf, seriousA11yViolations, signIn } from "./fixtures/test";
import fs from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { ADMIN, runDir, STAFF, storageState } from "./fixtures/accounts";
import { seedUser } from "../test/fixtures/seed";
import { LoopbackClient } from "./fixtures/http-client";

const dashboardPages = ["/", "/customers", "/suppliers", "/documents", "/emails", "/guides", "/settings", "/settings/users", "/settings/email"];

test.describe("signing in", () => {
  test("a wrong password and an unknown account get the same generic message", async ({ page }) => {
    await signIn(page, ADMIN.email, "not-the-password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
    await signIn(page, "nobody-here@acme.test", "whatever-password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
    await expect(page).toHaveURL(/\/login/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test("five failures on one account from one address throttle that address, whatever X-Forwarded-For claims", async ({ page }) => {
    const victim = "throttle-target@acme.test";
    for (let attempt = 1; attempt <= 5; attempt++) {
      // A forged, different address each time: without TRUST_PROXY it changes nothing.
      await page.setExtraHTTPHeaders({ "X-Forwarded-For": `203.0.113.${attempt}` });
      await signIn(page, victim, `wrong-${attempt}`);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
    }
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.77" });
    await signIn(page, victim, "wrong-6");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Too many failed attempts\. Try again in 15 minutes\./);
  });

  test("50 wrong passwords from another address do not stop the administrator signing in", async ({ baseURL }) => {
    const stranger = new LoopbackClient(baseURL!, "127.0.0.2");
    const answers = [];
    for (let i = 0; i < 50; i++) answers.push((await stranger.signIn(ADMIN.email, `guess-${i}`)).error);
    expect(answers.slice(0, 5)).toEqual(Array(5).fill("invalid"));
    expect(new Set(answers.slice(5))).toEqual(new Set(["throttled:15"]));

    const owner = new LoopbackClient(baseURL!, "127.0.0.1");
    expect(await owner.signIn(ADMIN.email, ADMIN.password)).toEqual({ ok: true, error: null });
    const session = await owner.request("GET", "/api/auth/session");
    expect(JSON.parse(session.body)).toMatchObject({ user: { email: ADMIN.email } });
  });

  test("an anonymous visit to any dashboard page lands on the sign-in page", async ({ page }) => {
    for (const path of dashboardPages) {
      await page.goto(path);
      await expect(page, `visiting ${path}`).toHaveURL(/\/login/);
    }
  });

  test("signing out ends the session, even for a copy of its cookie", async ({ page, browser, db }) => {
    const leaver = { email: "leaver@acme.test", password: "leaver-password-1" };
    await seedUser(businessIdOf(db), { name: "Lee Leaver", ...leaver, role: "staff" });
    await signIn(page, leaver.email, leaver.password);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    const copied = await page.context().storageState();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/customers");
    await expect(page).toHaveURL(/\/login/);

    // Someone who kept the session cookie gets nothing from it now.
    const thief = await browser.newContext({ storageState: copied });
    const thiefPage = await thief.newPage();
    await thiefPage.goto("/customers");
    await expect(thiefPage).toHaveURL(/\/login/);
    await thief.close();
  });
});

test.describe("sessions", () => {
  test("next-auth's own sign-out endpoint ends the session, copies included", async ({ baseURL, db }) => {
    const user = { email: "signout-endpoint@acme.test", password: "signout-password-1" };
    await seedUser(businessIdOf(db), { name: "Copy Cat", ...user, role: "staff" });
    const browser = new LoopbackClient(baseURL!, "127.0.0.1");
    expect(await browser.signIn(user.email, user.password)).toEqual({ ok: true, error: null });
    const stolen = browser.copy("127.0.0.4");
    expect(await stolen.sessionEmail()).toBe(user.email);

    expect(await browser.signOutThroughNextAuth()).toBe(200);
    expect(await stolen.sessionEmail()).toBeNull();
    const page = await stolen.request("GET", "/customers");
    expect(page.status).toBe(307);
    expect(page.headers.location).toContain("/login");
  });

  test("a session token is refused once 7 days have passed since its sign-in, renewed or not", async ({ baseURL, db }) => {
    const user = { email: "old-session@acme.test", password: "old-session-pass-1" };
    const id = await seedUser(businessIdOf(db), { name: "Copy Cat", ...user, role: "staff" });
    const secret = fs.readFileSync(path.join(runDir, "auth-secret.key"), "utf8").trim();
    const day = 24 * 60 * 60 * 1000;
    // The token's sign-in time is the clock: a fresh signature and idle expiry, an old sign-in.
    const tokenSignedIn = (daysAgo: number) =>
      encode({ secret, token: { sub: String(id), email: user.email, sessionVersion: 0, signedInAt: Date.now() - daysAgo * day } });

    const recent = new LoopbackClient(baseURL!, "127.0.0.1");
    recent.setCookie("next-auth.session-token", await tokenSignedIn(6.9));
    expect(await recent.sessionEmail()).toBe(user.email);

    const old = new LoopbackClient(baseURL!, "127.0.0.1");
    old.setCookie("next-auth.session-token", await tokenSignedIn(7.01));
    expect(await old.sessionEmail()).toBeNull();
    expect((await old.request("GET", "/customers")).headers.location).toContain("/login");
  });
});

test.describe("roles", () => {
  test("staff cannot open any settings page and see no Settings link", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState.staff });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
    for (const path of ["/settings", "/settings/users", "/settings/email", "/settings/templates"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    }
    await context.close();
  });

  test("staff and anonymous POSTs to an admin action change nothing", async ({ page, browser, playwright, db, baseURL }) => {
    const countUsers = () => (db.prepare("select count(*) as n from users").get() as { n: number }).n;
    const businessRow = () => db.prepare("select * from businesses").get();

    // Record the exact request the admin's browser makes for the "add user" server action.
    const admin = await browser.newContext({ storageState: storageState.admin });
    const adminPage = await admin.newPage();
    await adminPage.goto("/settings/users");
    const actionRequest = adminPage.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await adminPage.getByLabel("Name").fill("Legit Person");
    await adminPage.getByLabel("Email").fill("legit@acme.test");
    await adminPage.getByLabel("Initial password").fill("legit-password-1");
    await adminPage.getByRole("button", { name: "Add user" }).click();
    const recorded = await actionRequest;
    await expect(adminPage.getByRole("status")).toContainText("User added.");
    await admin.close();

    const before = countUsers();
    const business = businessRow();
    const forgedBody = recorded.postData()!.replace(/legit@acme\.test/g, "mallory@acme.test").replace(/Legit Person/g, "Mallory");
    expect(forgedBody).toContain("mallory@acme.test");
    const headers = {
      "next-action": recorded.headers()["next-action"],
      "content-type": recorded.headers()["content-type"],
      accept: "text/x-component",
      origin: baseURL!,
    };

    const staff = await playwright.request.newContext({ baseURL, storageState: storageState.staff });
    const staffResponse = await staff.post("/settings/users", { headers, data: forgedBody, maxRedirects: 0 });
    expect(staffResponse.status()).toBeLessThan(500);
    expect(await staffResponse.text()).toContain('"error":"forbidden"');
    await staff.dispose();

    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const anonResponse = await anonymous.post("/settings/users", { headers, data: forgedBody, maxRedirects: 0 });
    expect(anonResponse.status()).toBeLessThan(500);
    expect(await anonResponse.text()).toContain('"error":"unauthorized"');
    await anonymous.dispose();

    expect(countUsers()).toBe(before);
    expect(db.prepare("select count(*) as n from users where email = ?").get("mallory@acme.test")).toEqual({ n: 0 });
    expect(businessRow()).toEqual(business);
    void page;
  });
});

test.describe("languages", () => {
  test("the sign-in page follows the browser language", async ({ browser }) => {
    const context = await browser.newContext({ locale: "es-ES" });
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Inicia sesión en Mailroom" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await context.close();
  });

  test("a user who switches to Spanish sees the dashboard in Spanish, and it is remembered", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState.staff });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByLabel("Language").selectOption("es");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("heading", { name: "Panel" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Clientes" })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The choice belongs to the user, not the browser: a fresh English browser still gets Spanish.
    const other = await browser.newContext({ locale: "en-US" });
    const otherPage = await other.newPage();
    await signIn(otherPage, STAFF.email, STAFF.password);
    await expect(otherPage.getByRole("heading", { name: "Panel" })).toBeVisible();
    await otherPage.getByLabel("Idioma").selectOption("en");
    await otherPage.getByRole("button", { name: "Aplicar" }).click();
    await expect(otherPage.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await other.close();
    await context.close();
  });
});

test.describe("business details", () => {
  test.use({ storageState: storageState.admin });

  test("an administrator updates the business details; a bad email changes nothing", async ({ page, db }) => {
    const row = () => db.prepare("select name, address, email, phone from businesses").get() as Record<string, string>;
    const before = row();
    await page.goto("/settings");
    await page.getByLabel("Business email").fill("not-an-email");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    expect(row()).toEqual(before);

    await page.getByLabel("Business email").fill("hello@acme.test");
    await page.getByLabel("Address").fill("12 Harbour Street\nPortsmouth");
    await page.getByLabel("Phone").fill("+44 20 7946 0000");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Saved.");
    expect(row()).toEqual({ name: before.name, address: "12 Harbour Street\nPortsmouth", email: "hello@acme.test", phone: "+44 20 7946 0000" });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
