import type { Page } from "@playwright/test";
import { test, expect, seriousA11yViolations } from "./fixtures/test";
import { storageState } from "./fixtures/accounts";

test.use({ storageState: storageState.admin });

const wizards = [
  {
    slug: "microsoft-entra",
    title: "Register Mailroom with Microsoft Entra",
    steps: [
      "Open App registrations and start a new registration",
      "Choose who can sign in",
      "Add the redirect URI (Web)",
      "Create a client secret and copy its Value",
      "Add the permissions and grant consent",
      "Copy the IDs and use these settings",
    ],
    redirectStep: 3,
    redirectUri: /\/oauth\/microsoft\/callback$/,
    settings: "/settings/email?protocol=microsoft",
  },
  {
    slug: "google-cloud",
    title: "Register Mailroom with Google Cloud",
    steps: [
      "Create a project",
      "Set up the OAuth consent screen",
      "Enable the Gmail API and add the scope",
      "Create an OAuth client of type Web application",
      "Copy the client ID and secret and use these settings",
    ],
    redirectStep: 4,
    redirectUri: /\/oauth\/google\/callback$/,
    settings: "/settings/email?protocol=google",
  },
];

/** Presses Tab until the element with this text has focus, then Enter: the keyboard user's way. */
async function pressLink(page: Page, text: string) {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === text) {
      await page.keyboard.press("Enter");
      return;
    }
  }
  throw new Error(`Tab never reached “${text}”`);
}

async function expectStep(page: Page, slug: string, titles: string[], n: number, progress = `Step ${n} of ${titles.length}`) {
  await expect(page).toHaveURL(new RegExp(`/guides/${slug}/${n}$`));
  const heading = page.getByRole("heading", { level: 2, name: titles[n - 1] });
  await expect(heading).toBeVisible();
  await expect(heading).toContainText(progress);
  await expect(heading).toBeFocused();
}

test.describe("app-registration wizards", () => {
  for (const wizard of wizards) {
    test(`${wizard.title}: keyboard only with Next and Back, the redirect URI to register, axe clean, and Use these settings`, async ({ page }) => {
      await page.goto("/guides");
      const registrations = page.getByRole("list", { name: "App registrations" });
      await registrations.getByRole("link", { name: wizard.title }).click();
      await expect(page.getByRole("heading", { level: 1, name: wizard.title })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/guides/${wizard.slug}/1$`));

      for (let n = 2; n <= wizard.steps.length; n++) {
        await pressLink(page, "Next");
        await expectStep(page, wizard.slug, wizard.steps, n);
        if (n === wizard.redirectStep) {
          const table = page.getByRole("table");
          await expect(table.getByRole("row", { name: /Redirect URI/ })).toHaveText(wizard.redirectUri);
          expect(await seriousA11yViolations(page)).toEqual([]);
        }
      }
      await expect(page.getByRole("link", { name: "Next", exact: true })).toHaveCount(0);
      await pressLink(page, "Back");
      await expectStep(page, wizard.slug, wizard.steps, wizard.steps.length - 1);
      await pressLink(page, "Next");
      expect(await seriousA11yViolations(page)).toEqual([]);
      await expect(page.getByRole("link", { name: "Use these settings" })).toHaveAttribute("href", wizard.settings);
    });
  }

  test("both wizards walk in Spanish with the keyboard, axe clean: the secret's Value (Entra), Internal for Workspace (Google), and Use these settings", async ({ page, db }) => {
    const spanish = [
      { slug: "microsoft-entra", title: "Registrar Mailroom en Microsoft Entra", total: 6, says: [4, "Copia el Valor, no el Id. de secreto"], settings: "/settings/email?protocol=microsoft" },
      { slug: "google-cloud", title: "Registrar Mailroom en Google Cloud", total: 5, says: [2, "Con Google Workspace, elige Interno: gmail.send es un permiso sensible"], settings: "/settings/email?protocol=google" },
    ] as const;
    const admin = db.prepare("select id, locale from users where role = 'admin' order by id limit 1").get() as { id: number; locale: string | null };
    db.prepare("update users set locale = 'es' where id = ?").run(admin.id);
    try {
      for (const wizard of spanish) {
        await page.goto(`/guides/${wizard.slug}/1`);
        await expect(page.getByRole("heading", { level: 1, name: wizard.title })).toBeVisible();
        const heading = page.getByRole("heading", { level: 2 });
        await expect(heading).toContainText(`Paso 1 de ${wizard.total}`);
        for (let n = 2; n <= wizard.total; n++) {
          await pressLink(page, "Siguiente");
          await expect(heading).toContainText(`Paso ${n} de ${wizard.total}`);
          await expect(heading).toBeFocused();
          if (n === wizard.says[0]) {
            await expect(page.getByRole("region")).toContainText(wizard.says[1]);
            expect(await seriousA11yViolations(page)).toEqual([]);
          }
        }
        await pressLink(page, "Atrás");
        await expect(heading).toContainText(`Paso ${wizard.total - 1} de ${wizard.total}`);
        await pressLink(page, "Siguiente");
        expect(await seriousA11yViolations(page)).toEqual([]);
        await expect(page.getByRole("link", { name: "Usar esta configuración" })).toHaveAttribute("href", wizard.settings);
      }
    } finally {
      db.prepare("update users set locale = ? where id = ?").run(admin.locale, admin.id);
    }
  });

  test("the Outlook.com guide signs in with Microsoft: no app-password step, and a link to the Entra wizard", async ({ page }) => {
    await page.goto("/guides/outlook");
    const titles = await page.locator("nav ol li").allTextContents();
    expect(titles).toEqual(["Know why passwords no longer work", "Register Mailroom with Microsoft once", "Sign in with Microsoft", "Test, then save"]);
    expect(titles.join(" ")).not.toMatch(/app password/i);
    await expect(page.getByRole("region")).toContainText("535 5.7.139");
    await page.goto("/guides/outlook/2");
    await page.getByRole("link", { name: "Register Mailroom with Microsoft Entra" }).click();
    await expect(page).toHaveURL(/\/guides\/microsoft-entra\/1$/);
  });
});
