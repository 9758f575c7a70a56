import type { Browser, Page } from "@playwright/test";
import { test, expect, businessIdOf, signIn } from "./fixtures/test";
import { ADMIN, storageState } from "./fixtures/accounts";
import { configureSmtp } from "./fixtures/email-settings";
import { seedUser } from "../test/fixtures/seed";

test.use({ storageState: storageState.admin });
test.describe.configure({ mode: "serial" });

// Fresh addresses each run: sign-in addresses are unique and the run's database may be reused.
const run = Date.now().toString(36);
const person = (name: string, local: string, password: string) => ({ name, email: `${local}.${run}@acme.test`, password, role: "staff" as const });
const dana = person("Dana Disabled", "dana", "dana-password-77");

async function openUser(page: Page, name: string) {
  await page.goto("/settings/users");
  await page.getByRole("link", { name: `Manage ${name}` }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

async function signedInContext(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  return { context, page };
}

test("an admin disables a staff user: their open session is refused at once, sign-in too, and their history stays", async ({ page, browser, db }) => {
  await seedUser(businessIdOf(db), dana);
  const staff = await signedInContext(browser, dana.email, dana.password);

  await openUser(page, dana.name);
  await page.getByRole("button", { name: "Disable user" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("User disabled");

  await staff.page.goto("/customers");
  await expect(staff.page).toHaveURL(/\/login/);
  await signIn(staff.page, dana.email, dana.password);
  await expect(staff.page.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
  await staff.context.close();
  expect(db.prepare("select count(*) as n from users where email = ? and disabled_at is not null").get(dana.email)).toEqual({ n: 1 });

  await page.goto("/settings/users");
  await expect(page.getByRole("row", { name: new RegExp(dana.name) })).toContainText("Disabled");
});

test("the last active administrator cannot be demoted or disabled", async ({ page, db }) => {
  await openUser(page, ADMIN.name);
  await page.getByLabel("Role").selectOption("staff");
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("There must always be at least one active administrator");
  await page.getByRole("button", { name: "Disable user" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("There must always be at least one active administrator");
  expect(db.prepare("select role, disabled_at from users where email = ?").get(ADMIN.email)).toEqual({ role: "admin", disabled_at: null });
});

test("a reset link arrives at the SMTP server, works once, and a second use is refused", async ({ page, browser, db, mail }) => {
  const rita = person("Rita Reset", "rita", "rita-password-77");
  await seedUser(businessIdOf(db), rita);
  mail.reset();
  await configureSmtp(page, mail);
  await openUser(page, rita.name);
  await page.getByRole("button", { name: "Email a password reset link" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Password reset link sent.");

  const [message] = await mail.waitForMessages(1);
  expect(message.envelope.rcptTo).toEqual([rita.email]);
  const link = /https?:\/\/[^\s)]+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(String(message.parsed.text))?.[0];
  expect(link).toBeTruthy();
  const token = new URL(link!).searchParams.get("token")!;
  expect(JSON.stringify(db.prepare("select * from password_reset_tokens").all())).not.toContain(token);

  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const resetPage = await visitor.newPage();
  await resetPage.goto(link!);
  await resetPage.getByLabel("New password").fill("rita-brand-new-88");
  await resetPage.getByRole("button", { name: "Save new password" }).click();
  await expect(resetPage.getByRole("main").getByRole("status")).toContainText("Your password is changed.");

  await resetPage.goto(link!);
  await expect(resetPage.getByRole("main").getByRole("alert")).toContainText("This link has expired or was already used.");
  await signIn(resetPage, rita.email, "rita-brand-new-88");
  await expect(resetPage.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await visitor.close();
});

test("a temporary password must be changed at the next sign-in, with the current one required", async ({ page, browser, db }) => {
  const tom = person("Tom Temporary", "tom", "tom-password-77");
  await seedUser(businessIdOf(db), tom);
  await openUser(page, tom.name);
  await page.getByLabel("Temporary password").fill("temporary-pass-55");
  await page.getByRole("button", { name: "Set temporary password" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Temporary password set.");

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const user = await context.newPage();
  await signIn(user, tom.email, "temporary-pass-55");
  await expect(user).toHaveURL(/\/change-password$/);
  await user.goto("/customers");
  await expect(user).toHaveURL(/\/change-password$/);
  await user.getByLabel("Current password").fill("not-the-current-1");
  await user.getByLabel("New password").fill("tom-own-password-99");
  await user.getByRole("button", { name: "Change password" }).click();
  await expect(user.getByText("This is not your current password.")).toBeVisible();
  await user.getByLabel("Current password").fill("temporary-pass-55");
  await user.getByRole("button", { name: "Change password" }).click();
  await expect(user).toHaveURL(/\/login/);
  await signIn(user, tom.email, "tom-own-password-99");
  await expect(user.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await context.close();
});

test("a user without history can be deleted; sign out everywhere ends a session", async ({ page, browser, db }) => {
  const sue = person("Sue Sessions", "sue", "sue-password-77");
  await seedUser(businessIdOf(db), sue);
  const session = await signedInContext(browser, sue.email, sue.password);
  await openUser(page, sue.name);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("All of this user's sessions have ended.");
  await session.page.goto("/customers");
  await expect(session.page).toHaveURL(/\/login/);
  await session.context.close();

  await page.getByRole("button", { name: "Delete user" }).click();
  await expect(page).toHaveURL(/\/settings\/users$/);
  expect(db.prepare("select count(*) as n from users where email = ?").get(sue.email)).toEqual({ n: 0 });
});

test("the activity log shows a failed sign-in, a settings save and a user disabled, with no secret", async ({ page, browser, mail }) => {
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const strangerPage = await stranger.newPage();
  await signIn(strangerPage, dana.email, "wrong-password-for-log");
  await expect(strangerPage.getByRole("main").getByRole("alert")).toBeVisible();
  await stranger.close();

  await page.goto("/settings/activity");
  // The browser reaches "localhost" over IPv4 or IPv6 loopback, whichever resolves first.
  const table = page.getByRole("table", { name: "Activity" });
  await expect(table.getByRole("row").filter({ hasText: "Sign-in failed" }).filter({ hasText: dana.email }).first()).toContainText(/127\.0\.0\.1|::1/);
  await expect(table.getByRole("row").filter({ hasText: "Email settings saved" }).first()).toContainText(ADMIN.email);
  await expect(table.getByRole("row").filter({ hasText: "User disabled" }).filter({ hasText: dana.email }).first()).toContainText(ADMIN.email);
  const html = await page.content();
  expect(html).not.toContain(mail.password);
  expect(html).not.toContain("wrong-password-for-log");
  expect(html).not.toMatch(/scrypt\$|token=/);
});

test("staff cannot open the activity log or a user's page", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState.staff });
  const page = await context.newPage();
  for (const path of ["/settings/activity", "/settings/users/1"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await context.close();
});
