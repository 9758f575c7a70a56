import path from "node:path";
import Database from "better-sqlite3";
import type { Browser, Page } from "@playwright/test";
import { test, expect } from "./fixtures/test";
import { ADMIN, BUSINESS_NAME, runDir } from "./fixtures/accounts";
import { startAppServer, type AppServer } from "./fixtures/app-server";
import { configureSmtp } from "./fixtures/email-settings";
import type { MailServer } from "../test/fixtures/mail-server";

test.describe.configure({ mode: "serial" });

// Real app processes on their own database, so they can be doubled up and killed.
async function setUpApp(browser: Browser, app: AppServer, mail: MailServer): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL: app.url, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/setup");
  await page.getByLabel("Business name").fill(BUSINESS_NAME);
  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await configureSmtp(page, mail);
  return { page, close: () => context.close() };
}

function openDb(app: AppServer) {
  const db = new Database(app.databasePath);
  db.pragma("busy_timeout = 5000");
  return db;
}

/** Queues emails the way the app records them, all in one transaction so every process sees them at once. */
function queueEmails(db: Database.Database, count: number, label: string): void {
  const businessId = (db.prepare("select id from businesses order by id limit 1").get() as { id: number }).id;
  const insert = db.prepare(
    `insert into emails (business_id, idempotency_key, protocol, from_address, to_addresses, subject, body_text, body_html, status, attempts, next_attempt_at)
     values (?, ?, 'smtp', '', ?, ?, 'Your invoice is attached.', '<p>Your invoice is attached.</p>', 'queued', 0, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(businessId, crypto.randomUUID(), `customer${i}@${label}.test`, `${label} ${i}`, Date.now());
  })();
}

const statusCounts = (db: Database.Database) =>
  Object.fromEntries((db.prepare("select status, count(*) as n from emails group by status").all() as { status: string; n: number }[]).map((r) => [r.status, r.n]));

test("two app processes on one database drain 200 queued emails: each arrives once, no 'database is locked'", async ({ browser, mail }) => {
  test.setTimeout(180_000);
  mail.reset();
  const dir = path.join(runDir, "two-processes");
  const first = await startAppServer(dir);
  const second = await startAppServer(dir);
  const { close } = await setUpApp(browser, first, mail);
  const db = openDb(first);
  try {
    queueEmails(db, 200, "pair");
    const received = await mail.waitForMessages(200, 120_000);
    await expect.poll(() => statusCounts(db), { timeout: 20_000 }).toEqual({ sent: 200 });
    // A moment for a duplicate, if any, to arrive.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(mail.messages).toHaveLength(200);
    expect(new Set(received.map((m) => m.parsed.subject)).size).toBe(200);
    expect(new Set(received.map((m) => m.parsed.messageId)).size).toBe(200);
    const stored = db.prepare("select message_id as id from emails").all() as { id: string }[];
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(received.map((m) => m.parsed.messageId)));
    // Both processes sent: each has its own pooled connections.
    expect(mail.connections).toBeGreaterThan(1);
    for (const app of [first, second]) expect(app.output()).not.toMatch(/database is locked|SQLITE_BUSY/i);
  } finally {
    db.close();
    await close();
    await first.kill("SIGTERM");
    await second.kill("SIGTERM");
  }
});

test("the app is SIGKILLed with 50 queued emails and 1 in flight: after restart the 50 go by themselves, the one in flight is interrupted, nothing twice", async ({ browser, mail }) => {
  test.setTimeout(180_000);
  mail.reset();
  const app = await startAppServer(path.join(runDir, "sigkill"), { MAILROOM_OUTBOX_LEASE_SECONDS: "3" });
  const { page, close } = await setUpApp(browser, app, mail);
  const db = openDb(app);
  try {
    // One email goes out and the server holds it after its data; a rate of one a minute keeps the rest waiting.
    db.prepare("update email_settings set send_rate_per_minute = 1").run();
    mail.behaviour.holdAfterData = true;
    queueEmails(db, 1, "inflight");
    await expect.poll(() => statusCounts(db), { timeout: 20_000 }).toEqual({ sending: 1 });
    queueEmails(db, 50, "queued");
    await page.waitForTimeout(500);
    expect(statusCounts(db)).toEqual({ sending: 1, queued: 50 });

    await app.kill("SIGKILL");
    mail.behaviour.holdAfterData = false;
    db.prepare("update email_settings set send_rate_per_minute = null").run();
    await app.restart();

    await mail.waitForMessages(50, 60_000);
    await expect.poll(() => statusCounts(db), { timeout: 30_000 }).toEqual({ sent: 50, interrupted: 1 });
    await page.waitForTimeout(1_000);
    expect(mail.messages).toHaveLength(50);
    expect(mail.messages.every((m) => m.parsed.subject?.startsWith("queued "))).toBe(true);
    expect(new Set(mail.messages.map((m) => m.parsed.subject)).size).toBe(50);
    const cutOff = db.prepare("select subject, attempts from emails where status = 'interrupted'").get();
    expect(cutOff).toEqual({ subject: "inflight 0", attempts: 1 });
    expect(app.output()).not.toMatch(/database is locked|SQLITE_BUSY/i);
  } finally {
    db.close();
    await close();
    await app.kill("SIGTERM");
  }
});
