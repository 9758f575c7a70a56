import type { Page } from "@playwright/test";
import { test, expect, seriousA11yViolations } from "./fixtures/test";
import { STAFF, storageState } from "./fixtures/accounts";

const gmailSteps = [
  "Turn on 2-Step Verification",
  "Create an app password",
  "Use the app password instead of your normal password",
  "Enter the server settings",
  "Test, then save",
];

const yahooSteps = [
  "Open Yahoo Account security",
  "Create an app password named Mailroom",
  "Copy it into Password",
  "Enter the server settings",
  "Test, then save",
];

/** The wizard shows step `n` of `titles`: URL, heading with progress, the marked step in the list. */
async function expectStep(page: Page, slug: string, titles: string[], n: number) {
  await expect(page).toHaveURL(new RegExp(`/guides/${slug}/${n}$`));
  const heading = page.getByRole("heading", { level: 2, name: titles[n - 1] });
  await expect(heading).toBeVisible();
  await expect(heading).toContainText(`Step ${n} of ${titles.length}`);
  await expect(page.locator('[aria-current="step"]')).toHaveText(titles[n - 1]);
  await expect(page.getByRole("link", { name: "Back", exact: true })).toHaveCount(n > 1 ? 1 : 0);
  await expect(page.getByRole("link", { name: "Next", exact: true })).toHaveCount(n < titles.length ? 1 : 0);
}

/** Clicks Back or Next and waits until the wizard shows step `n`. */
async function move(page: Page, button: "Back" | "Next", slug: string, titles: string[], n: number) {
  await page.getByRole("link", { name: button, exact: true }).click();
  await expectStep(page, slug, titles, n);
}

/** Walks to the last step with Next and back to the first with Back. */
async function walkForwardAndBack(page: Page, slug: string, titles: string[]) {
  await expectStep(page, slug, titles, 1);
  for (let n = 2; n <= titles.length; n++) await move(page, "Next", slug, titles, n);
  for (let n = titles.length - 1; n >= 1; n--) await move(page, "Back", slug, titles, n);
}

/** Presses Tab until the element with this text has focus (the keyboard user's way to reach it). */
async function tabTo(page: Page, text: string) {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === text) return;
  }
  throw new Error(`Tab never reached “${text}”`);
}

test.describe("provider guides for an administrator", () => {
  test.use({ storageState: storageState.admin });

  test("admin walks the Gmail guide with Next and Back and reaches Use these settings", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Guides" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Provider guides" })).toBeVisible();
    await page.getByRole("link", { name: "Gmail", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Set up email with Gmail" })).toBeVisible();

    await walkForwardAndBack(page, "gmail", gmailSteps);

    // Step 2 links to Google's own App passwords page in a new tab.
    await move(page, "Next", "gmail", gmailSteps, 2);
    const appPasswords = page.getByRole("link", { name: /open App passwords/ });
    await expect(appPasswords).toHaveAttribute("href", "https://myaccount.google.com/apppasswords");
    await expect(appPasswords).toHaveAttribute("target", "_blank");
    await expect(appPasswords).toHaveAttribute("rel", "noopener noreferrer");

    await move(page, "Next", "gmail", gmailSteps, 3);
    await expect(page.getByText(/less secure apps.*will never work here/)).toBeVisible();

    await move(page, "Next", "gmail", gmailSteps, 4);
    const settings = page.getByRole("table", { name: "Gmail server settings" });
    await expect(settings.getByRole("row", { name: /SMTP server/ })).toContainText("smtp.gmail.com");
    await expect(settings.getByRole("row", { name: /^Port/ })).toContainText("587");
    await expect(settings.getByRole("row", { name: /^Security/ })).toContainText("STARTTLS");
    await expect(settings.getByRole("row", { name: /Also works/ })).toContainText("port 465 with SSL/TLS");

    await move(page, "Next", "gmail", gmailSteps, 5);
    await expect(page.getByRole("link", { name: "Use these settings" })).toHaveAttribute("href", "/settings/email?provider=gmail");
  });

  test("admin walks the Yahoo guide: External connections, Create app password named Mailroom, then Use these settings", async ({ page }) => {
    await page.goto("/guides");
    await page.getByRole("link", { name: "Yahoo Mail", exact: true }).click();
    await walkForwardAndBack(page, "yahoo", yahooSteps);

    const accountSecurity = page.getByRole("link", { name: /Account security/ });
    await expect(accountSecurity).toHaveAttribute("href", "https://login.yahoo.com/account/security");
    await expect(accountSecurity).toHaveAttribute("target", "_blank");
    await expect(page.getByRole("region")).toContainText("signed in to Yahoo for a few days, and not a private window");

    await move(page, "Next", "yahoo", yahooSteps, 2);
    await expect(page).toHaveTitle("Create an app password named Mailroom · Set up email with Yahoo Mail · Mailroom");
    const step = page.getByRole("region", { name: /Create an app password named Mailroom/ });
    await expect(step).toContainText("Under External connections, click Create app password. Type Mailroom as the name");
    for (const label of ["External connections", "Create app password", "Mailroom", "Generate password"]) {
      await expect(step.locator("strong", { hasText: label })).toBeVisible();
    }
    await expect(page.getByText(/Other app/)).toHaveCount(0);

    await move(page, "Next", "yahoo", yahooSteps, 3);
    await expect(page.getByRole("region")).toContainText("paste it into the Password field");
    await move(page, "Next", "yahoo", yahooSteps, 4);
    const settings = page.getByRole("table", { name: "Yahoo Mail server settings" });
    await expect(settings).toContainText("smtp.mail.yahoo.com");
    await expect(settings.getByRole("row", { name: /^Port/ })).toContainText("465");
    await expect(settings.getByRole("row", { name: /^Security/ })).toContainText("SSL/TLS");
    await expect(settings.getByRole("row", { name: /Also works/ })).toContainText("port 587 with STARTTLS");

    await move(page, "Next", "yahoo", yahooSteps, 5);
    await expect(page.getByRole("link", { name: "Use these settings" })).toHaveAttribute("href", "/settings/email?provider=yahoo");
  });

  test("a step can be opened directly, the guide address starts at step 1, and unknown guides or steps are 404", async ({ page }) => {
    await page.goto("/guides/gmail/3");
    await expectStep(page, "gmail", gmailSteps, 3);
    await move(page, "Back", "gmail", gmailSteps, 2);

    await page.goto("/guides/yahoo");
    await expectStep(page, "yahoo", yahooSteps, 1);

    for (const path of ["/guides/hotmail", "/guides/gmail/0", "/guides/gmail/6", "/guides/gmail/02", "/guides/gmail/two"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
  });

  test("the wizard works with the keyboard alone, and focus moves to each new step", async ({ page }) => {
    await page.goto("/guides/yahoo/1");
    await tabTo(page, "Next");
    const next = page.getByRole("link", { name: "Next", exact: true });
    await expect(next).toBeFocused();
    expect(await next.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
    await page.keyboard.press("Enter");
    await expectStep(page, "yahoo", yahooSteps, 2);
    await expect(page.getByRole("heading", { level: 2 })).toBeFocused();

    await tabTo(page, "Next");
    await page.keyboard.press("Enter");
    await expectStep(page, "yahoo", yahooSteps, 3);

    await tabTo(page, "Back");
    await page.keyboard.press("Enter");
    await expectStep(page, "yahoo", yahooSteps, 2);
    await expect(page.getByRole("heading", { level: 2 })).toBeFocused();
  });

  test("the guide list and wizard steps have no serious accessibility violations", async ({ page }) => {
    for (const path of ["/guides", "/guides/gmail/1", "/guides/gmail/4", "/guides/gmail/5", "/guides/microsoft365/2"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await seriousA11yViolations(page), path).toEqual([]);
    }
  });

  test("every provider has a guide that ends in Use these settings for that provider", async ({ page }) => {
    await page.goto("/guides");
    const providers = ["Gmail", "Yahoo Mail", "Outlook.com", "Microsoft 365", "iCloud Mail", "Zoho Mail", "Fastmail"];
    const list = page.getByRole("list", { name: "Email providers" });
    await expect(list.getByRole("listitem")).toHaveCount(providers.length);
    for (const name of providers) {
      await page.goto("/guides");
      await page.getByRole("link", { name, exact: true }).click();
      await expect(page).toHaveURL(/\/guides\/[a-z0-9]+\/1$/);
      await expect(page.getByRole("heading", { level: 1, name: `Set up email with ${name}` })).toBeVisible();
      const slug = new URL(page.url()).pathname.split("/")[2];
      const total = await page.locator("nav ol li").count();
      await page.goto(`/guides/${slug}/${total}`);
      await expect(page.getByRole("link", { name: "Use these settings" })).toHaveAttribute("href", `/settings/email?provider=${slug}`);
    }
  });
});

test.describe("provider guides for staff", () => {
  test("staff can read the guides and are asked to go to an administrator instead of opening settings", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState.staff });
    const page = await context.newPage();
    await page.goto("/guides/gmail/5");
    await expectStep(page, "gmail", gmailSteps, 5);
    await expect(page.getByRole("link", { name: "Use these settings" })).toHaveCount(0);
    await expect(page.getByText("Only an administrator can change the email settings.")).toBeVisible();
    await context.close();
  });

  test("a staff member who switches to Spanish sees the Gmail guide in Spanish", async ({ browser, db }) => {
    const original = db.prepare("select locale from users where email = ?").get(STAFF.email) as { locale: string | null };
    const context = await browser.newContext({ storageState: storageState.staff });
    const page = await context.newPage();
    try {
      await page.goto("/guides/gmail/1");
      await page.getByLabel("Language").selectOption("es");
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Configurar el correo con Gmail" })).toBeVisible();
      const heading = page.getByRole("heading", { level: 2 });
      await expect(heading).toContainText("Paso 1 de 5");
      await expect(heading).toContainText("Activa la verificación en dos pasos");

      await page.getByRole("link", { name: "Siguiente", exact: true }).click();
      await expect(page).toHaveURL(/\/guides\/gmail\/2$/);
      await expect(heading).toContainText("Paso 2 de 5");
      await expect(heading).toContainText("Genera una contraseña de aplicación");
      await expect(page.getByRole("region")).toContainText("Cuenta de Google → Seguridad → Verificación en dos pasos → Contraseñas de aplicación");

      await page.goto("/guides/gmail/4");
      const settings = page.getByRole("table", { name: "Datos del servidor de Gmail" });
      await expect(settings.getByRole("row", { name: /Servidor SMTP/ })).toContainText("smtp.gmail.com");
      await expect(settings.getByRole("row", { name: /También sirve/ })).toContainText("el puerto 465 con SSL/TLS");
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByRole("link", { name: "Siguiente", exact: true }).click();
      await expect(page.getByText("Solo un administrador puede cambiar la configuración de correo.")).toBeVisible();
      await expect(page.getByRole("link", { name: "Atrás", exact: true })).toBeVisible();
    } finally {
      // The language belongs to the user in the database: leave it as the other specs expect (possibly
      // "never chosen", which the app cannot set back, hence SQL).
      db.prepare("update users set locale = ? where email = ?").run(original.locale, STAFF.email);
      await context.close();
    }
  });

  test("an anonymous visit to a guide step lands on the sign-in page", async ({ page }) => {
    await page.goto("/guides/gmail/2");
    await expect(page).toHaveURL(/\/login/);
  });
});
