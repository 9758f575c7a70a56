import { test, expect, seriousA11yViolations, signIn } from "./fixtures/test";
import { ADMIN, BUSINESS_NAME, STAFF, storageState } from "./fixtures/accounts";

test("first run: setup creates the administrator, signs in, and then disappears", async ({ page, browser }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up Mailroom" })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Invalid input is caught field by field before anything is created.
  await page.getByRole("button", { name: "Create and sign in" }).click();
  await expect(page.getByText("This field is required.").first()).toBeVisible();

  await page.getByLabel("Business name").fill(BUSINESS_NAME);
  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create and sign in" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create and sign in" }).click();

  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText(`Welcome, ${ADMIN.name}`)).toBeVisible();
  await expect(page.getByText(BUSINESS_NAME).first()).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // /setup is gone for everyone now.
  await page.goto("/setup");
  await expect(page).not.toHaveURL(/\/setup$/);
  const anonymous = await browser.newContext();
  const anonPage = await anonymous.newPage();
  await anonPage.goto("/setup");
  await expect(anonPage).toHaveURL(/\/login$/);
  await expect(anonPage.getByRole("button", { name: "Sign in" })).toBeVisible();
  await anonymous.close();

  // The administrator adds a staff member.
  await page.goto("/settings/users");
  await page.getByLabel("Name").fill(STAFF.name);
  await page.getByLabel("Email").fill(STAFF.email);
  await page.getByLabel("Role").selectOption("staff");
  await page.getByLabel("Initial password").fill(STAFF.password);
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("User added.");
  await expect(page.getByRole("cell", { name: STAFF.email })).toBeVisible();
  await page.context().storageState({ path: storageState.admin });

  const staffContext = await browser.newContext();
  const staffPage = await staffContext.newPage();
  await signIn(staffPage, STAFF.email, STAFF.password);
  await expect(staffPage.getByText(`Welcome, ${STAFF.name}`)).toBeVisible();
  await staffContext.storageState({ path: storageState.staff });
  await staffContext.close();
});
