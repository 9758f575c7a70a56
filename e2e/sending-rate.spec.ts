import type Database from "better-sqlite3";
import { test, expect } from "./fixtures/test";
import { storageState } from "./fixtures/accounts";
import { configureSmtp, saveSettings } from "./fixtures/email-settings";

test.use({ storageState: storageState.admin });

const storedRate = (db: Database.Database) => (db.prepare("select send_rate_per_minute as rate from email_settings").get() as { rate: number | null }).rate;

test("the sending rate shows the provider's published limit as its default, a typed rate is saved, a bad one is refused, and blank means the default again", async ({ page, db, mail }) => {
  await configureSmtp(page, mail);
  const before = storedRate(db);
  const rate = page.getByLabel("Sending rate (emails per minute)");
  try {
    await page.getByLabel("SMTP server").fill("smtp.gmail.com");
    await expect(page.getByText("Leave blank for Gmail's published limit: 20 per minute (500 per day).")).toBeVisible();
    await page.getByLabel("SMTP server").fill("localhost");
    await expect(page.getByText("Leave blank to send without a limit.")).toBeVisible();

    await rate.fill("0");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Enter a whole number of emails per minute from 1 to 10,000, or leave it blank.")).toBeVisible();
    expect(storedRate(db)).toBe(before);

    await rate.fill("30");
    await saveSettings(page);
    expect(storedRate(db)).toBe(30);
    await page.reload();
    await expect(rate).toHaveValue("30");

    await rate.fill("");
    await saveSettings(page);
    expect(storedRate(db)).toBeNull();
  } finally {
    // Other specs send in bulk: leave them without a limit.
    db.prepare("update email_settings set send_rate_per_minute = null").run();
  }
});
