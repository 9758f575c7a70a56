import type { Page } from "@playwright/test";
import type Database from "better-sqlite3";
import { extractText, getDocumentProxy } from "unpdf";
import { test, expect, businessIdOf, seriousA11yViolations } from "./fixtures/test";
import { BUSINESS_NAME, storageState } from "./fixtures/accounts";
import { configureHttpRelay, configureSmtp } from "./fixtures/email-settings";
import { addContact, createDocument } from "./fixtures/documents";
import { seedContact, seedDocument, uniqueReference } from "../test/fixtures/seed";
import { deleteContact } from "../lib/contacts/queries";
import { deleteDocument } from "../lib/documents/queries";
import type { DocumentType } from "../lib/documents/types";

test.use({ storageState: storageState.admin });
test.describe.configure({ mode: "serial" });

// What this spec seeds is removed afterwards, so specs that count documents see only their own.
type Seeded<T extends (...args: never[]) => unknown> = Parameters<T>[1];
const seeded = { contacts: [] as { kind: Seeded<typeof seedContact>["kind"]; id: number }[], documents: [] as { type: DocumentType; id: number }[] };
const insertContact = (db: Database.Database, c: Seeded<typeof seedContact>) => {
  const id = seedContact(businessIdOf(db), c);
  seeded.contacts.push({ kind: c.kind, id });
  return id;
};
const insertDocument = (db: Database.Database, d: Seeded<typeof seedDocument>) => {
  const id = seedDocument(businessIdOf(db), d);
  seeded.documents.push({ type: d.type, id });
  return id;
};

test.afterAll(({ db }) => {
  const businessId = businessIdOf(db);
  for (const { type, id } of seeded.documents) deleteDocument(businessId, type, id);
  for (const { kind, id } of seeded.contacts) deleteContact({ businessId, kind, id });
});

const pdfText = async (content: Buffer) => (await extractText(await getDocumentProxy(new Uint8Array(content)), { mergePages: true })).text;

const emailButton = (page: Page) => page.getByRole("button", { name: "Email", exact: true });
const dialog = (page: Page) => page.getByRole("dialog");

async function openDocument(page: Page, type: DocumentType, id: number) {
  await page.goto(`/documents/${type}/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

test.describe("emailing documents", () => {
  test.beforeEach(({ mail, relay }) => {
    mail.reset();
    relay.reset();
  });

  test("the Email button appears on every document type only once email settings are complete", async ({ page, db, mail }) => {
    // Forges "never configured": the app has no way to remove saved email settings.
    db.prepare("delete from email_settings").run();
    const customer = insertContact(db, { kind: "customer", name: "Button Check Ltd", emails: "check@customer.test" });
    const supplier = insertContact(db, { kind: "supplier", name: "Button Supplies", emails: "check@supplier.test" });
    const line = { description: "Item", quantity: "1", unitPrice: "10", taxRate: "21" };
    const ids = (["sales-quotes", "sales-invoices", "credit-notes", "purchase-orders", "purchase-invoices"] as const).map((type) => ({
      type,
      id: insertDocument(db, { type, contactId: type.startsWith("purchase") ? supplier : customer, reference: uniqueReference("BTN-"), lines: [line] }),
    }));
    for (const { type, id } of ids) {
      await openDocument(page, type, id);
      await expect(page.getByText("an administrator must first set up email")).toBeVisible();
      await expect(emailButton(page)).toHaveCount(0);
    }
    await configureSmtp(page, mail);
    for (const { type, id } of ids) {
      await openDocument(page, type, id);
      await expect(emailButton(page)).toBeVisible();
    }
  });

  test("admin creates a supplier and a purchase order, emails it: Cc, the BCC copy, Reply-To and the PDF arrive", async ({ page, db, mail }) => {
    await configureSmtp(page, mail, { copyAddress: "archive@acme.test", replyTo: "purchasing@acme.test" });
    const supplier = await addContact(page, "suppliers", { name: "Northwind Paper", emails: "orders@northwind.test", address: "1 Mill Road" });
    seeded.contacts.push({ kind: "supplier", id: supplier });
    const id = await createDocument(page, "purchase-orders", {
      contactLabel: "Supplier",
      contact: "Northwind Paper",
      issueDate: "2026-11-02",
      lines: [
        { description: "A4 paper, 80 g", quantity: "10", unitPrice: "4.35", taxRate: "21" },
        { description: "Delivery", quantity: "1", unitPrice: "12", taxRate: "21" },
      ],
    });
    seeded.documents.push({ type: "purchase-orders", id });
    const { reference } = db.prepare("select reference from documents where id = ?").get(id) as { reference: string };
    await openDocument(page, "purchase-orders", id);
    await emailButton(page).click();
    const d = dialog(page);
    await expect(d).toBeVisible();
    await expect(d.getByLabel("To", { exact: true })).toHaveValue("orders@northwind.test");
    await expect(d.getByLabel("Subject")).toHaveValue(`Purchase order ${reference} from ${BUSINESS_NAME}`);
    await expect(d.getByLabel("Message")).toHaveValue(/^Hello Northwind Paper,/);
    await expect(d.getByLabel("Message")).toHaveValue(/67\.16/);
    await expect(d.getByText(`Attached: Purchase Order ${reference}.pdf`)).toBeVisible();
    await expect(d.frameLocator('iframe[title="Email preview"]').getByText("Hello Northwind Paper,")).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await d.getByLabel("Cc").fill("boss@acme.test");
    await d.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Email sent to orders@northwind.test." })).toBeVisible({ timeout: 20_000 });
    await expect(d).toBeHidden();

    const [message] = await mail.waitForMessages(1);
    expect(message.envelope.rcptTo.sort()).toEqual(["archive@acme.test", "boss@acme.test", "orders@northwind.test"]);
    expect(message.parsed.to && !Array.isArray(message.parsed.to) ? message.parsed.to.value.map((a) => a.address) : []).toEqual(["orders@northwind.test"]);
    expect(message.parsed.cc && !Array.isArray(message.parsed.cc) ? message.parsed.cc.value.map((a) => a.address) : []).toEqual(["boss@acme.test"]);
    expect(message.parsed.headers.has("bcc")).toBe(false);
    expect(message.raw.toString()).not.toContain("archive@acme.test");
    expect(message.parsed.replyTo?.value.map((a) => a.address)).toEqual(["purchasing@acme.test"]);
    expect(message.parsed.from?.value[0]).toEqual({ name: BUSINESS_NAME, address: mail.user });
    expect(message.parsed.subject).toBe(`Purchase order ${reference} from ${BUSINESS_NAME}`);
    expect(message.parsed.text).toContain("Hello Northwind Paper,");
    expect(message.parsed.html).toContain("<strong>");
    expect(message.parsed.attachments).toHaveLength(1);
    const [pdf] = message.parsed.attachments;
    expect(pdf.filename).toBe(`Purchase Order ${reference}.pdf`);
    expect(pdf.contentType).toBe("application/pdf");
    const text = await pdfText(pdf.content);
    expect(text).toContain(reference);
    expect(text).toContain("Northwind Paper");
    expect(text).toContain("67.16");

    // The document lists its email, and the log records who sent what.
    await expect(page.getByRole("table", { name: "Emails of this document" }).getByText("Sent", { exact: true })).toBeVisible();
    const row = db.prepare("select * from emails where document_id = ?").get(id) as Record<string, unknown>;
    expect(row).toMatchObject({ status: "sent", to_addresses: "orders@northwind.test", cc_addresses: "boss@acme.test", bcc_addresses: "archive@acme.test", attempts: 1 });
    expect(String(row.message_id)).toBe(message.parsed.messageId);
    await page.goto("/emails");
    const logRow = page.getByRole("row").filter({ hasText: `Purchase order ${reference} from ${BUSINESS_NAME}` });
    await expect(logRow).toContainText("Olivia Owner");
    await expect(logRow).toContainText("Sent");
    await logRow.getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Purchase order ${reference} from ${BUSINESS_NAME}`);
    await expect(page.getByText(`Purchase Order ${reference}.pdf`)).toBeVisible();
  });

  test("a sales invoice goes to both of the customer's addresses, and through the HTTP relay too", async ({ page, db, mail, relay }) => {
    await configureSmtp(page, mail);
    const customer = insertContact(db, { kind: "customer", name: "Contoso Café", emails: "ap@contoso.test, owner@contoso.test" });
    const reference = uniqueReference("INV-");
    const id = insertDocument(db, {
      type: "sales-invoices",
      contactId: customer,
      reference,
      dueDate: "2026-12-31",
      lines: [{ description: "Consulting", quantity: "3", unitPrice: "0.1", taxRate: "21" }],
    });
    await openDocument(page, "sales-invoices", id);
    await emailButton(page).click();
    await expect(dialog(page).getByLabel("To", { exact: true })).toHaveValue("ap@contoso.test, owner@contoso.test");
    await dialog(page).getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Email sent to" })).toBeVisible({ timeout: 20_000 });
    const [message] = await mail.waitForMessages(1);
    expect(message.envelope.rcptTo.sort()).toEqual(["ap@contoso.test", "owner@contoso.test"]);
    expect(message.parsed.attachments[0].filename).toBe(`Sales Invoice ${reference}.pdf`);
    expect(await pdfText(message.parsed.attachments[0].content)).toContain("0.36");

    await configureHttpRelay(page, relay.url, "desk@acme.test");
    await openDocument(page, "sales-invoices", id);
    await emailButton(page).click();
    await dialog(page).getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Email sent to" })).toBeVisible({ timeout: 20_000 });
    expect(relay.requests).toHaveLength(1);
    const { fields, files } = relay.requests[0];
    expect(fields).toMatchObject({ from: BUSINESS_NAME, reply_to: "desk@acme.test", to: "ap@contoso.test, owner@contoso.test", subject: `Invoice ${reference} from ${BUSINESS_NAME}` });
    expect(fields.body).toContain("Contoso Café");
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ filename: `Sales Invoice ${reference}.pdf`, contentType: "application/pdf" });
    expect(files[0].content.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await pdfText(files[0].content)).toContain(reference);
  });

  test("a refused sender is explained and logged as failed; after fixing the settings Retry sends it; a double-click sends once", async ({ page, db, mail }) => {
    await configureSmtp(page, mail);
    const customer = insertContact(db, { kind: "customer", name: "Fabrikam", emails: "billing@fabrikam.test" });
    const id = insertDocument(db, { type: "sales-quotes", contactId: customer, reference: uniqueReference("QUO-"), lines: [{ description: "Design", quantity: "2", unitPrice: "150", taxRate: "10" }] });
    mail.behaviour.rejectSender = true;

    await openDocument(page, "sales-quotes", id);
    await emailButton(page).click();
    await dialog(page).getByRole("button", { name: "Send" }).click();
    const alert = dialog(page).getByRole("alert");
    await expect(alert).toContainText("The email could not be sent.", { timeout: 20_000 });
    await expect(alert).toContainText(/sender/i);
    await alert.getByText("Details", { exact: true }).click();
    await expect(alert.locator("pre")).toContainText("553");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog(page).getByRole("button", { name: "Cancel" }).click();
    const failed = db.prepare("select id, status, failure from emails where document_id = ?").get(id) as { id: number; status: string; failure: string };
    expect(failed.status).toBe("failed");
    expect(JSON.parse(failed.failure)).toMatchObject({ code: "sender_refused", stage: "envelope" });
    expect(mail.messages).toHaveLength(0);

    // The log says why; the fix is made in the settings, then the same email is retried.
    await page.goto(`/emails/${failed.id}`);
    await expect(page.getByRole("region", { name: "Why it failed" })).toContainText(/sender/i);
    mail.behaviour.rejectSender = false;
    await configureSmtp(page, mail, { copyAddress: "archive@acme.test" });
    await page.goto("/emails");
    await page.locator(`tr[data-email-id="${failed.id}"]`).getByRole("button", { name: /^Retry/ }).click();
    await expect(page.locator(`tr[data-email-id="${failed.id}"]`)).toContainText("Sent", { timeout: 20_000 });
    const [retried] = await mail.waitForMessages(1);
    expect(retried.envelope.rcptTo.sort()).toEqual(["archive@acme.test", "billing@fabrikam.test"]);
    expect(db.prepare("select status, attempts from emails where id = ?").get(failed.id)).toEqual({ status: "sent", attempts: 2 });

    // Double-click on Send: one email.
    mail.reset();
    const before = (db.prepare("select count(*) as n from emails").get() as { n: number }).n;
    await openDocument(page, "sales-quotes", id);
    await emailButton(page).click();
    await dialog(page).getByRole("button", { name: "Send" }).dblclick();
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Email sent to" })).toBeVisible({ timeout: 20_000 });
    await mail.waitForMessages(1);
    await page.waitForTimeout(1_000);
    expect(mail.messages).toHaveLength(1);
    expect((db.prepare("select count(*) as n from emails").get() as { n: number }).n).toBe(before + 1);
  });

  test("a resubmitted send with the same idempotency key does not send twice", async ({ page, db, mail, baseURL, playwright }) => {
    await configureSmtp(page, mail);
    const customer = insertContact(db, { kind: "customer", name: "Replay Co", emails: "replay@customer.test" });
    const id = insertDocument(db, { type: "credit-notes", contactId: customer, reference: uniqueReference("CN-"), lines: [{ description: "Refund", quantity: "1", unitPrice: "20", taxRate: "0" }] });
    await openDocument(page, "credit-notes", id);
    await emailButton(page).click();
    const recorded = page.waitForRequest((r) => r.method() === "POST" && (r.postData() ?? "").includes("idempotencyKey"));
    await dialog(page).getByRole("button", { name: "Send" }).click();
    const request = await recorded;
    await mail.waitForMessages(1);

    const headers = { "next-action": request.headers()["next-action"], "content-type": request.headers()["content-type"], accept: "text/x-component", origin: baseURL! };
    const admin = await playwright.request.newContext({ baseURL, storageState: storageState.admin });
    const replay = await admin.post(`/documents/credit-notes/${id}`, { headers, data: request.postData()! });
    expect(await replay.text()).toContain('"status":"sent"');
    await admin.dispose();

    // Anonymous callers cannot send at all.
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const forged = request.postData()!.replace(/"idempotencyKey":"[^"]+"/, `"idempotencyKey":"${crypto.randomUUID()}"`);
    const anon = await anonymous.post(`/documents/credit-notes/${id}`, { headers, data: forged, maxRedirects: 0 });
    expect(await anon.text()).toContain('"error":"unauthorized"');
    await anonymous.dispose();

    await page.waitForTimeout(500);
    expect(mail.messages).toHaveLength(1);
    expect(db.prepare("select count(*) as n from emails where document_id = ?").get(id)).toEqual({ n: 1 });
  });

  test("staff can email a document but cannot open settings or templates", async ({ browser, db, mail }) => {
    const customer = insertContact(db, { kind: "customer", name: "Staff Customer", emails: "staff-customer@customer.test" });
    const id = insertDocument(db, { type: "sales-invoices", contactId: customer, reference: uniqueReference("INV-"), dueDate: "2026-12-15", lines: [{ description: "Work", quantity: "1", unitPrice: "99", taxRate: "21" }] });
    const context = await browser.newContext({ storageState: storageState.staff });
    const page = await context.newPage();
    await openDocument(page, "sales-invoices", id);
    await emailButton(page).click();
    await dialog(page).getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Email sent to staff-customer@customer.test." })).toBeVisible({ timeout: 20_000 });
    const [message] = await mail.waitForMessages(1);
    expect(message.envelope.rcptTo).toContain("staff-customer@customer.test");
    expect((db.prepare("select u.email from emails e join users u on u.id = e.user_id where e.document_id = ?").get(id) as { email: string }).email).toBe("sam@acme.test");
    for (const path of ["/settings/email", "/settings/templates"]) {
      expect((await page.goto(path))?.status()).toBe(403);
    }
    await context.close();
  });

  test("templates: placeholders work, and an unknown placeholder is refused with a message", async ({ page, db, mail }) => {
    await configureSmtp(page, mail);
    await page.goto("/settings/templates");
    const invoices = page.locator('form[data-template="sales-invoices"]');
    await invoices.getByLabel("Subject").fill("{{document_type}} {{reference}} for {{contact_name}}");
    await invoices.getByLabel("Message").fill("Dear {{contact_name}},\n\nTotal **{{total}}**, due {{due_date}}. {{unknown}}\n\n{{business_name}}");
    await invoices.getByRole("button", { name: "Save template" }).click();
    await expect(invoices.getByText("Unknown placeholder: {{unknown}}.")).toBeVisible();
    expect(db.prepare("select count(*) as n from email_templates").get()).toEqual({ n: 0 });

    await invoices.getByLabel("Message").fill("Dear {{contact_name}},\n\nTotal **{{total}}**, due {{due_date}}.\n\n{{business_name}}");
    await invoices.getByRole("button", { name: "Save template" }).click();
    await expect(invoices.getByRole("status")).toContainText("Template saved.");
    // The save re-renders the page (revalidatePath) and Next streams its metadata in: check once the title is back.
    await expect(page).toHaveTitle(/Email templates/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    const customer = insertContact(db, { kind: "customer", name: "Template Tester", emails: "tt@customer.test" });
    const reference = uniqueReference("INV-");
    const id = insertDocument(db, { type: "sales-invoices", contactId: customer, reference, dueDate: "2026-12-31", lines: [{ description: "Thing", quantity: "2", unitPrice: "50", taxRate: "21" }] });
    await openDocument(page, "sales-invoices", id);
    await emailButton(page).click();
    await expect(dialog(page).getByLabel("Subject")).toHaveValue(`Sales invoice ${reference} for Template Tester`);
    await expect(dialog(page).getByLabel("Message")).toHaveValue(`Dear Template Tester,\n\nTotal **$121.00**, due 31 Dec 2026.\n\n${BUSINESS_NAME}`);
    await dialog(page).getByRole("button", { name: "Send" }).click();
    const [message] = await mail.waitForMessages(1);
    expect(message.parsed.html).toContain("<strong>$121.00</strong>");
    expect(message.parsed.text).toContain("Total $121.00, due 31 Dec 2026.");

    await page.goto("/settings/templates");
    await page.locator('form[data-template="sales-invoices"]').getByRole("button", { name: "Use the default" }).click();
    await expect(page.locator('form[data-template="sales-invoices"]').getByLabel("Subject")).toHaveValue("Invoice {{reference}} from {{business_name}}");
  });
});
