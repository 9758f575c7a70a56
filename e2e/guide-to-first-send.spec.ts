import { test, expect } from "./fixtures/test";
import { BUSINESS_NAME, storageState } from "./fixtures/accounts";
import { runSettingsTest, saveSettings, testSuccess } from "./fixtures/email-settings";

test.use({ storageState: storageState.admin });

test.describe.configure({ mode: "serial" });

test.describe("from a provider guide to the first send", () => {
  test.beforeEach(({ mail }) => mail.reset());

  for (const guide of [
    { name: "Gmail", slug: "gmail", host: "smtp.gmail.com", port: "587", security: "starttls" },
    { name: "Yahoo Mail", slug: "yahoo", host: "smtp.mail.yahoo.com", port: "465", security: "tls" },
  ]) {
    test(`${guide.name}: Use these settings fills the form, focuses Username, and a test and save complete the setup`, async ({ page, mail, db }) => {
      // Forges "never configured": the app has no way to remove saved email settings.
      db.prepare("delete from email_settings").run();
      await page.goto("/guides");
      await page.getByRole("link", { name: guide.name, exact: true }).first().click();
      await expect(page).toHaveURL(new RegExp(`/guides/${guide.slug}/1$`));
      for (let step = 2; await page.getByRole("link", { name: "Next", exact: true }).count(); step++) {
        await page.getByRole("link", { name: "Next", exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`/guides/${guide.slug}/${step}$`));
      }
      await page.getByRole("link", { name: "Use these settings" }).click();

      await expect(page).toHaveURL(new RegExp(`/settings/email\\?provider=${guide.slug}$`));
      await expect(page.getByText(`Settings from the ${guide.name} guide are filled in.`)).toBeVisible();
      await expect(page.getByLabel("SMTP server")).toHaveValue(guide.host);
      await expect(page.getByLabel("Port", { exact: true })).toHaveValue(guide.port);
      await expect(page.getByLabel("Security", { exact: true })).toHaveValue(guide.security);
      await expect(page.getByLabel("Username")).toBeFocused();
      // Nothing is stored until the admin tests and saves.
      expect(db.prepare("select count(*) as n from email_settings").get()).toEqual({ n: 0 });

      // Here the real provider would be used; the test server stands in for it.
      await page.getByLabel("Username").fill(mail.user);
      await page.getByLabel("Password", { exact: true }).fill(mail.password);
      await page.getByLabel("SMTP server").fill("localhost");
      await page.getByLabel("Port", { exact: true }).fill(String(mail.starttlsPort));
      await page.getByLabel("Security", { exact: true }).selectOption("starttls");
      await runSettingsTest(page);
      await expect(testSuccess(page)).toBeVisible();
      const [message] = await mail.waitForMessages(1);
      expect(message.parsed.from?.value[0]).toEqual({ name: BUSINESS_NAME, address: mail.user });
      await saveSettings(page);
      expect(db.prepare("select smtp_host, smtp_port from email_settings").get()).toEqual({ smtp_host: "localhost", smtp_port: mail.starttlsPort });
    });
  }

  test("typing a Gmail address offers Gmail settings and its guide; an unknown domain offers nothing", async ({ page }) => {
    await page.goto("/settings/email");
    const username = page.getByLabel("Username");
    await username.fill("someone@example.org");
    await expect(page.getByRole("button", { name: /^Use .* settings$/ })).toHaveCount(0);

    await username.fill("someone@googlemail.com");
    await expect(page.getByText("This looks like a Gmail address.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Read the Gmail guide" })).toHaveAttribute("href", "/guides/gmail");
    await page.getByRole("button", { name: "Use Gmail settings" }).click();
    await expect(page.getByLabel("SMTP server")).toHaveValue("smtp.gmail.com");
    await expect(page.getByLabel("Port", { exact: true })).toHaveValue("587");
    await expect(page.getByLabel("Security", { exact: true })).toHaveValue("starttls");
    await expect(page.getByRole("button", { name: "Use Gmail settings" })).toHaveCount(0);

    await username.fill("someone@ymail.com");
    await page.getByRole("button", { name: "Use Yahoo Mail settings" }).click();
    await expect(page.getByLabel("SMTP server")).toHaveValue("smtp.mail.yahoo.com");
    await expect(page.getByLabel("Security", { exact: true })).toHaveValue("tls");

    // An EU Zoho account is offered the EU server, and once it is typed nothing else is offered.
    await username.fill("someone@zoho.eu");
    await page.getByRole("button", { name: "Use Zoho Mail settings" }).click();
    await expect(page.getByLabel("SMTP server")).toHaveValue("smtp.zoho.eu");
    await page.getByLabel("SMTP server").fill("smtppro.zoho.eu");
    await expect(page.getByText("This looks like a Zoho Mail address.")).toHaveCount(0);
  });

  test("the first sentence after a guide follows the provider's password rule", async ({ page }) => {
    const guides = [
      { slug: "gmail", name: "Gmail", ask: "Type your username and app password, then test." },
      { slug: "zoho", name: "Zoho Mail", ask: "Type your username and password (an app password if two-step verification is on), then test." },
      { slug: "microsoft365", name: "Microsoft 365", ask: "Type your username and the mailbox password, then test." },
    ];
    for (const { slug, name, ask } of guides) {
      await page.goto(`/settings/email?provider=${slug}`);
      await expect(page.getByText(`Settings from the ${name} guide are filled in. ${ask}`, { exact: true }), slug).toBeVisible();
    }
  });
});
