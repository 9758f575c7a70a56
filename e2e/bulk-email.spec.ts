import type { Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import type Database from "better-sqlite3";
import { test, expect, businessIdOf, seriousA11yViolations } from "./fixtures/test";
import { storageState } from "./fixtures/accounts";
import { configureSmtp } from "./fixtures/email-settings";
import { seedContact, seedDocument, uniqueReference } from "../test/fixtures/seed";

test.use({ storageState: storageState.admin });
test.describe.configure({ mode: "serial" });

const pdfText = async (content: Buffer) => (await extractText(await getDocumentProxy(new Uint8Array(content)), { mergePages: true })).text;

/** 25 sales invoices, one per customer; the customers of the 6th, 13th and 20th have no email address. */
function seedInvoices(db: Database.Database, prefix: string) {
  const businessId = businessIdOf(db);
  return Array.from({ length: 25 }, (_, i) => {
    const noAddress = i === 5 || i === 12 || i === 19;
    const name = `${prefix} Customer ${i + 1}`;
    const email = noAddress ? "" : `${prefix.toLowerCase()}${i + 1}@customer.test`;
    // The contact form insists on an address; a customer without one (imported, or from before) is forged here.
    const contactId = noAddress
      ? Number(db.prepare("insert into contacts (business_id, kind, name, emails) values (?, 'customer', ?, '')").run(businessId, name).lastInsertRowid)
      : seedContact(businessId, { kind: "customer", name, emails: email });
    const reference = uniqueReference(`${prefix}-`);
    const id = seedDocument(businessId, { type: "sales-invoices", contactId, reference, dueDate: "2026-12-31", lines: [{ description: `Work for ${name}`, quantity: "1", unitPrice: String(100 + i), taxRate: "21" }] });
    return { id, reference, name, email };
  });
}

async function selectInvoices(page: Page, invoices: { reference: string }[]) {
  await page.goto("/documents/sales-invoices");
  for (const invoice of invoices) await page.getByRole("checkbox", { name: `Select ${invoice.reference}` }).check();
}

test("staff select 25 invoices, 3 customers have no address: the dialog names them, 22 go out each with its own PDF, and resubmitting sends nothing", async ({ browser, db, mail, page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  mail.reset();
  await configureSmtp(page, mail);
  const invoices = seedInvoices(db, "Bulk");
  const skipped = invoices.filter((i) => !i.email);
  const context = await browser.newContext({ storageState: storageState.staff });
  const staff = await context.newPage();
  try {
    await selectInvoices(staff, invoices);
    await staff.getByRole("button", { name: "Email selected (25)" }).click();
    const dialog = staff.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: "Email 25 documents" })).toBeVisible();
    await expect(dialog).toContainText("22 emails will be sent, each with its own PDF.");
    const skippedList = dialog.getByRole("region", { name: "Skipped: no email address" });
    for (const s of skipped) await expect(skippedList).toContainText(`${s.reference} (${s.name})`);
    await expect(skippedList.getByRole("listitem")).toHaveCount(3);
    await expect(dialog.getByLabel("Subject")).toHaveValue("Invoice {{reference}} from {{business_name}}");
    // The first selected in the list's order (newest first) is previewed, filled with its own values.
    const preview = dialog.getByRole("heading", { name: /^Preview of the first email, to / });
    await expect(preview).toBeVisible();
    const previewText = (await preview.textContent()) ?? "";
    const first = invoices.find((i) => i.email && previewText.endsWith(`to ${i.email}`));
    expect(first).toBeDefined();
    await expect(dialog).toContainText(`Invoice ${first!.reference} from`);
    expect(await seriousA11yViolations(staff)).toEqual([]);

    const sendRequest = staff.waitForRequest((r) => r.method() === "POST" && (r.postData() ?? "").includes("idempotencyKey"));
    await dialog.getByRole("button", { name: "Send" }).click();
    const send = await sendRequest;
    await expect(staff).toHaveURL(/\/emails\/batches\/\d+$/);
    const batchId = Number(staff.url().split("/").pop());
    await expect(staff.getByTestId("batch-progress")).toHaveText("22 of 22 sent · 0 retrying · 0 failed", { timeout: 60_000 });
    await expect(staff.getByRole("progressbar")).toHaveAttribute("value", "22");
    await expect(staff.getByRole("region", { name: "Skipped: no email address" }).getByRole("listitem")).toHaveCount(3);
    expect(await seriousA11yViolations(staff)).toEqual([]);

    const received = await mail.waitForMessages(22, 30_000);
    expect(received).toHaveLength(22);
    for (const invoice of invoices.filter((i) => i.email)) {
      const message = received.find((m) => m.envelope.rcptTo.includes(invoice.email));
      expect(message, invoice.email).toBeDefined();
      expect(message!.envelope.rcptTo).toEqual([invoice.email]);
      expect(message!.parsed.subject).toContain(`Invoice ${invoice.reference} from`);
      const [pdf] = message!.parsed.attachments;
      expect(pdf.filename).toBe(`Sales Invoice ${invoice.reference}.pdf`);
      expect(await pdfText(pdf.content)).toContain(invoice.reference);
      expect(await pdfText(pdf.content)).toContain(invoice.name);
    }

    // The same submission again (a double click, a resent form): nothing new is queued.
    const api = await playwright.request.newContext({ baseURL, storageState: storageState.staff });
    const replay = await api.post(new URL(send.url()).pathname, {
      headers: { "next-action": send.headers()["next-action"], "content-type": send.headers()["content-type"], accept: "text/x-component", origin: baseURL! },
      data: send.postData()!,
    });
    expect(replay.status()).toBe(200);
    expect(await replay.text()).toContain(`"batchId":${batchId}`);
    await api.dispose();
    await staff.reload();
    await expect(staff.getByTestId("batch-progress")).toHaveText("22 of 22 sent · 0 retrying · 0 failed");
    expect(db.prepare("select count(*) as n from emails where batch_id = ?").get(batchId)).toEqual({ n: 22 });
    await staff.waitForTimeout(1_000);
    expect(mail.messages).toHaveLength(22);
  } finally {
    await context.close();
  }
});

test("a failed email in a batch shows its diagnosis, and Retry failed sends it once the problem is fixed", async ({ page, db, mail }) => {
  test.setTimeout(90_000);
  mail.reset();
  const invoices = seedInvoices(db, "Retry").filter((i) => i.email).slice(0, 3);
  mail.behaviour.rejectRecipient = true;
  await selectInvoices(page, invoices);
  await page.getByRole("button", { name: "Email selected (3)" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("batch-progress")).toHaveText("0 of 3 sent · 0 retrying · 3 failed", { timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Not sent yet" })).toContainText("Recipient address rejected");
  mail.behaviour.rejectRecipient = false;
  await page.getByRole("button", { name: "Retry failed" }).click();
  await expect(page.getByTestId("batch-progress")).toHaveText("3 of 3 sent · 0 retrying · 0 failed", { timeout: 30_000 });
  await mail.waitForMessages(3);
  expect(mail.messages).toHaveLength(3);
});

test("bulk email in Spanish: the dialog and the progress page, axe clean", async ({ page, db, mail }) => {
  test.setTimeout(90_000);
  mail.reset();
  const invoices = seedInvoices(db, "Es").slice(4, 7);
  await page.goto("/documents/sales-invoices");
  await page.getByLabel("Language").selectOption("es");
  await page.getByRole("button", { name: "Apply" }).click();
  try {
    for (const invoice of invoices) await page.getByRole("checkbox", { name: `Seleccionar ${invoice.reference}` }).check();
    await page.getByRole("button", { name: "Enviar seleccionados (3)" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("Se enviarán 2 correos, cada uno con su PDF.");
    await expect(dialog.getByRole("region", { name: "Se omiten: sin dirección de correo" })).toContainText(`${invoices[1].reference} (${invoices[1].name})`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Enviar", exact: true }).click();
    await expect(page.getByTestId("batch-progress")).toHaveText("2 de 2 enviados · 0 reintentando · 0 fallidos", { timeout: 30_000 });
    expect(await seriousA11yViolations(page)).toEqual([]);
  } finally {
    await page.getByLabel("Idioma").selectOption("en");
    await page.getByRole("button", { name: "Aplicar" }).click();
  }
});

test("a customer's sales invoices are emailed together from the customer's page; other documents are not selectable", async ({ page, db, mail }) => {
  mail.reset();
  const businessId = businessIdOf(db);
  const contactId = seedContact(businessId, { kind: "customer", name: "Page Customer", emails: "page@customer.test" });
  const invoices = ["A", "B"].map((n) => seedDocument(businessId, { type: "sales-invoices", contactId, reference: uniqueReference(`PG${n}-`), dueDate: "2026-12-31", lines: [{ description: "Work", quantity: "1", unitPrice: "10", taxRate: "21" }] }));
  seedDocument(businessId, { type: "sales-quotes", contactId, reference: uniqueReference("PGQ-"), lines: [{ description: "Quote", quantity: "1", unitPrice: "10", taxRate: "21" }] });
  await page.goto(`/customers/${contactId}`);
  await expect(page.getByRole("checkbox", { name: /^Select PGQ-/ })).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Select all" }).check();
  await page.getByRole("button", { name: "Email selected (2)" }).click();
  await expect(page.getByRole("dialog")).toContainText("2 emails will be sent, each with its own PDF.");
  await page.getByRole("dialog").getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("batch-progress")).toHaveText("2 of 2 sent · 0 retrying · 0 failed", { timeout: 30_000 });
  const received = await mail.waitForMessages(2);
  expect(received.map((m) => m.parsed.attachments[0].filename).sort()).toEqual(
    invoices.map((id) => `Sales Invoice ${(db.prepare("select reference from documents where id = ?").get(id) as { reference: string }).reference}.pdf`).sort(),
  );
});
