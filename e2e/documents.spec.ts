import type { Page } from "@playwright/test";
import type Database from "better-sqlite3";
import { extractText, getDocumentProxy } from "unpdf";
import { test, expect, seriousA11yViolations } from "./fixtures/test";
import { seedContact, seedDocument } from "../test/fixtures/seed";
import { BUSINESS_NAME, storageState } from "./fixtures/accounts";
import { addContact, createDocument, fillLine, fillLines } from "./fixtures/documents";

test.use({ storageState: storageState.admin });
test.describe.configure({ mode: "serial" });

interface DocumentRow {
  id: number;
  contact_id: number;
  reference: string;
  issue_date: string;
  due_date: string | null;
  subtotal: string;
  tax_total: string;
  total: string;
}

const documentRow = (db: Database.Database, type: string, reference: string) =>
  db.prepare("select * from documents where type = ? and reference = ?").get(type, reference) as DocumentRow | undefined;
const contactRow = (db: Database.Database, name: string) =>
  db.prepare("select * from contacts where name = ?").get(name) as { id: number; kind: string; emails: string; address: string } | undefined;
const count = (db: Database.Database, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

const formTotals = (page: Page) => ({
  subtotal: page.getByRole("main").getByTestId("subtotal"),
  tax: page.getByRole("main").getByTestId("tax-total"),
  total: page.getByRole("main").getByTestId("total"),
});

async function pdfText(body: Buffer) {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

test.describe("customers and suppliers", () => {
  test("a customer with two addresses is created, edited and listed; a bad address stores nothing", async ({ page, db }) => {
    await page.goto("/customers/new");
    await expect(page.getByRole("heading", { name: "New customer" })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const id = await addContact(page, "customers", { name: "Northwind Traders", emails: "a@x.test; b@x.test", address: "1 Harbour Road\nPortsmouth" });
    expect(contactRow(db, "Northwind Traders")).toMatchObject({ id, kind: "customer", emails: "a@x.test, b@x.test", address: "1 Harbour Road\nPortsmouth" });

    await page.getByLabel("Name").fill("Northwind Trading");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    expect(contactRow(db, "Northwind Trading")).toMatchObject({ id, emails: "a@x.test, b@x.test" });
    expect(contactRow(db, "Northwind Traders")).toBeUndefined();

    await page.goto("/customers");
    const row = page.getByRole("row", { name: /Northwind Trading/ });
    await expect(row.getByRole("cell").nth(1)).toHaveText("a@x.test, b@x.test");
    await expect(row.getByRole("cell").nth(2)).toHaveText("0");
    expect(await seriousA11yViolations(page)).toEqual([]);

    const before = count(db, "select count(*) as n from contacts");
    await page.goto("/customers/new");
    await page.getByLabel("Name").fill("Broken Address Ltd");
    await page.getByLabel("Email").fill("billing@broken; not-an-address");
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page.getByText("Enter email addresses like name@example.com, separated by commas.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/customers\/new$/);
    expect(count(db, "select count(*) as n from contacts")).toBe(before);
  });
});

test.describe("documents", () => {
  test("a purchase order for a new supplier: totals shown, stored exactly, viewed and downloaded as a PDF", async ({ page, db }) => {
    await addContact(page, "suppliers", { name: "Bolt Supplies", emails: "orders@bolt.test", address: "7 Forge Lane" });

    await page.goto("/documents/purchase-orders/new");
    await expect(page.getByRole("heading", { name: "New purchase order" })).toBeVisible();
    await expect(page.getByLabel("Reference")).toHaveValue("PO-0001");
    await expect(page.getByLabel("Due date")).toHaveCount(0);
    await page.getByLabel("Supplier").selectOption({ label: "Bolt Supplies" });
    await page.getByLabel("Issue date").fill("2025-03-01");
    await page.getByLabel("Notes").fill("Deliver to the back door.");
    await fillLines(page, [
      { description: "Steel bolts M8", quantity: "10", unitPrice: "2.50", taxRate: "21" },
      { description: "Washers", quantity: "3", unitPrice: "0.1", taxRate: "21" },
    ]);
    const totals = formTotals(page);
    await expect(totals.subtotal).toHaveText("$25.30");
    await expect(totals.tax).toHaveText("$5.31");
    await expect(totals.total).toHaveText("$30.61");
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Create" }).click();
    await expect(page).toHaveURL(/\/documents\/purchase-orders\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split("/").pop());

    const stored = documentRow(db, "purchase-orders", "PO-0001")!;
    expect(stored).toMatchObject({ id, issue_date: "2025-03-01", due_date: null, subtotal: "25.30", tax_total: "5.31", total: "30.61" });
    expect(db.prepare("select position, description, quantity, unit_price, tax_rate from document_lines where document_id = ? order by position").all(id)).toEqual([
      { position: 0, description: "Steel bolts M8", quantity: "10", unit_price: "2.50", tax_rate: "21" },
      { position: 1, description: "Washers", quantity: "3", unit_price: "0.1", tax_rate: "21" },
    ]);

    // The printable view.
    await expect(page.getByRole("heading", { level: 1, name: "Purchase order PO-0001" })).toBeVisible();
    const view = page.locator("article.printable");
    await expect(view).toContainText(BUSINESS_NAME);
    await expect(view).toContainText("Bolt Supplies");
    await expect(view).toContainText("7 Forge Lane");
    await expect(view).toContainText("1 Mar 2025");
    await expect(view).toContainText("Steel bolts M8");
    await expect(view).toContainText("Deliver to the back door.");
    await expect(view.getByTestId("total")).toHaveText("$30.61");
    await expect(page.locator('iframe[title="PDF of Purchase order PO-0001"]')).toHaveAttribute("src", `/documents/purchase-orders/${id}/pdf`);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Download PDF saves "Purchase Order PO-0001.pdf" with the reference, supplier and total in it.
    const downloadEvent = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download PDF" }).click();
    const download = await downloadEvent;
    expect(download.suggestedFilename()).toBe("Purchase Order PO-0001.pdf");

    const response = await page.request.get(`/documents/purchase-orders/${id}/pdf?download=1`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["content-disposition"]).toBe(
      `attachment; filename="Purchase Order PO-0001.pdf"; filename*=UTF-8''Purchase%20Order%20PO-0001.pdf`,
    );
    const text = await pdfText(await response.body());
    expect(text).toContain("PO-0001");
    expect(text).toContain("Bolt Supplies");
    expect(text).toContain("30.61");

    const inline = await page.request.get(`/documents/purchase-orders/${id}/pdf`);
    expect(inline.headers()["content-disposition"]).toMatch(/^inline; filename="Purchase Order PO-0001\.pdf"/);
    // Framable by the document page only, so the preview shows.
    expect(inline.headers()["x-frame-options"]).toBe("SAMEORIGIN");
    expect(inline.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");

    await page.goto("/documents");
    await expect(page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Purchase orders" }) })).toContainText("1 document");
    await page.goto("/documents/purchase-orders");
    const listRow = page.getByRole("row", { name: /PO-0001/ });
    await expect(listRow).toContainText("Bolt Supplies");
    await expect(listRow).toContainText("1 Mar 2025");
    await expect(listRow).toContainText("30.61");
  });

  test("one document of each other type, with a due date only where it applies", async ({ page, db }) => {
    await addContact(page, "customers", { name: "Contoso Retail", emails: "ap@contoso.test" });
    const line = { description: "Consulting", quantity: "2", unitPrice: "100", taxRate: "10" };
    const cases = [
      { type: "sales-quotes", reference: "QUO-0001", contactLabel: "Customer", contact: "Contoso Retail", due: "Valid until" },
      { type: "sales-invoices", reference: "INV-0001", contactLabel: "Customer", contact: "Contoso Retail", due: "Due date" },
      { type: "credit-notes", reference: "CN-0001", contactLabel: "Customer", contact: "Contoso Retail", due: null },
      { type: "purchase-invoices", reference: "PINV-0001", contactLabel: "Supplier", contact: "Bolt Supplies", due: "Due date" },
    ] as const;
    for (const c of cases) {
      await page.goto(`/documents/${c.type}/new`);
      await expect(page.getByLabel("Reference")).toHaveValue(c.reference);
      for (const label of ["Due date", "Valid until"]) {
        await expect(page.getByLabel(label, { exact: true }), `${c.type}: ${label}`).toHaveCount(label === c.due ? 1 : 0);
      }
      await createDocument(page, c.type, {
        contactLabel: c.contactLabel,
        contact: c.contact,
        issueDate: "2025-04-01",
        dueDate: c.due ? { label: c.due, value: "2025-04-30" } : undefined,
        lines: [line],
      });
      await expect(page.getByRole("heading", { level: 1 })).toContainText(c.reference);
      await expect(page.locator("article.printable").getByTestId("total")).toHaveText("$220.00");
      if (c.due) await expect(page.locator("article.printable")).toContainText(c.due);
      if (c.due) await expect(page.locator("article.printable")).toContainText("30 Apr 2025");
      expect(documentRow(db, c.type, c.reference), c.type).toMatchObject({
        issue_date: "2025-04-01",
        due_date: c.due ? "2025-04-30" : null,
        subtotal: "200.00",
        tax_total: "20.00",
        total: "220.00",
      });
    }
  });

  test("awkward totals: 3 × 0.10 at 21 % is 0.30 + 0.06 = 0.36, shown and stored", async ({ page, db }) => {
    await page.goto("/documents/sales-invoices/new");
    await expect(page.getByLabel("Reference")).toHaveValue("INV-0002");
    await page.getByLabel("Customer").selectOption({ label: "Contoso Retail" });
    await fillLine(page, 1, { description: "Paper clips", quantity: "3", unitPrice: "0.1", taxRate: "21" });
    const totals = formTotals(page);
    await expect(totals.subtotal).toHaveText("$0.30");
    await expect(totals.tax).toHaveText("$0.06");
    await expect(totals.total).toHaveText("$0.36");
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page).toHaveURL(/\/documents\/sales-invoices\/\d+$/);
    await expect(page.locator("article.printable").getByTestId("subtotal")).toHaveText("$0.30");
    await expect(page.locator("article.printable").getByTestId("tax-total")).toHaveText("$0.06");
    await expect(page.locator("article.printable").getByTestId("total")).toHaveText("$0.36");
    expect(documentRow(db, "sales-invoices", "INV-0002")).toMatchObject({ subtotal: "0.30", tax_total: "0.06", total: "0.36" });
  });

  test("a duplicate reference is a field error; editing a line recomputes the totals; a document can be deleted", async ({ page, db }) => {
    const before = count(db, "select count(*) as n from documents");
    await page.goto("/documents/sales-invoices/new");
    await page.getByLabel("Customer").selectOption({ label: "Contoso Retail" });
    await page.getByLabel("Reference").fill("INV-0001");
    await fillLine(page, 1, { description: "Duplicate", quantity: "1", unitPrice: "1", taxRate: "0" });
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page.getByText("Another document of this type already has this reference. Use a different one.")).toBeVisible();
    await expect(page.getByLabel("Reference")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/new$/);
    expect(count(db, "select count(*) as n from documents")).toBe(before);

    const invoice = documentRow(db, "sales-invoices", "INV-0002")!;
    await page.goto(`/documents/sales-invoices/${invoice.id}`);
    await page.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByRole("heading", { name: "Edit sales invoice INV-0002" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Line 1" }).getByLabel("Quantity")).toHaveValue("3");
    await page.getByRole("group", { name: "Line 1" }).getByLabel("Quantity").fill("5");
    const totals = formTotals(page);
    await expect(totals.total).toHaveText("$0.61");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(new RegExp(`/documents/sales-invoices/${invoice.id}$`));
    await expect(page.locator("article.printable").getByTestId("total")).toHaveText("$0.61");
    // 5 × 0.1 = 0.50; 21 % of it is 0.105, rounded half up to 0.11.
    expect(documentRow(db, "sales-invoices", "INV-0002")).toMatchObject({ id: invoice.id, subtotal: "0.50", tax_total: "0.11", total: "0.61" });
    expect(count(db, "select count(*) as n from document_lines where document_id = ?", invoice.id)).toBe(1);

    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page).toHaveURL(/\/documents\/sales-invoices$/);
    await expect(page.getByRole("row", { name: /INV-0002/ })).toHaveCount(0);
    expect(documentRow(db, "sales-invoices", "INV-0002")).toBeUndefined();
    expect(count(db, "select count(*) as n from document_lines where document_id = ?", invoice.id)).toBe(0);
  });

  test("a contact with documents cannot be deleted; one without documents can", async ({ page, db }) => {
    const supplier = contactRow(db, "Bolt Supplies")!;
    await page.goto(`/suppliers/${supplier.id}`);
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page.getByRole("main").getByRole("alert").filter({ hasText: "This contact still has documents, so it was not deleted." })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/suppliers/${supplier.id}$`));
    expect(contactRow(db, "Bolt Supplies")).toMatchObject({ id: supplier.id });
    expect(count(db, "select count(*) as n from documents where contact_id = ?", supplier.id)).toBe(2);

    const spareId = await addContact(page, "suppliers", { name: "Spare Parts Co", emails: "hello@spare.test" });
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page).toHaveURL(/\/suppliers$/);
    await expect(page.getByRole("row", { name: /Spare Parts Co/ })).toHaveCount(0);
    expect(count(db, "select count(*) as n from contacts where id = ?", spareId)).toBe(0);
  });

  test("staff can create and view a document", async ({ browser, db }) => {
    const context = await browser.newContext({ storageState: storageState.staff });
    const page = await context.newPage();
    const id = await createDocument(page, "sales-quotes", {
      contactLabel: "Customer",
      contact: "Contoso Retail",
      issueDate: "2025-05-01",
      lines: [{ description: "Website redesign", quantity: "1", unitPrice: "1500", taxRate: "21" }],
    });
    await expect(page.getByRole("heading", { level: 1, name: "Sales quote QUO-0002" })).toBeVisible();
    await expect(page.locator("article.printable").getByTestId("total")).toHaveText("$1,815.00");
    expect(documentRow(db, "sales-quotes", "QUO-0002")).toMatchObject({ id, total: "1815.00" });
    const pdf = await page.request.get(`/documents/sales-quotes/${id}/pdf`);
    expect(pdf.status()).toBe(200);
    await context.close();
  });

  test("anonymous callers get a 401 from the PDF and a replayed create action stores nothing", async ({ page, playwright, db, baseURL }) => {
    const quote = documentRow(db, "sales-quotes", "QUO-0001")!;
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const pdf = await anonymous.get(`/documents/sales-quotes/${quote.id}/pdf?download=1`, { maxRedirects: 0 });
    expect(pdf.status()).toBe(401);
    expect(pdf.headers()["content-type"] ?? "").not.toContain("application/pdf");

    // Record the request the admin's browser makes for "create credit note".
    await page.goto("/documents/credit-notes/new");
    await page.getByLabel("Customer").selectOption({ label: "Contoso Retail" });
    await fillLine(page, 1, { description: "Refund", quantity: "1", unitPrice: "10", taxRate: "0" });
    const actionRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await page.getByRole("button", { name: "Create" }).click();
    const recorded = await actionRequest;
    await expect(page).toHaveURL(/\/documents\/credit-notes\/\d+$/);

    const before = count(db, "select count(*) as n from documents");
    const forged = recorded.postData()!.replace(/CN-0002/g, "CN-0099");
    expect(forged).toContain("CN-0099");
    const headers = {
      "next-action": recorded.headers()["next-action"],
      "content-type": recorded.headers()["content-type"],
      accept: "text/x-component",
      origin: baseURL!,
    };
    const response = await anonymous.post("/documents/credit-notes/new", { headers, data: forged, maxRedirects: 0 });
    expect(response.status()).toBeLessThan(500);
    expect(await response.text()).toContain('"error":"unauthorized"');
    await anonymous.dispose();
    expect(count(db, "select count(*) as n from documents")).toBe(before);
    expect(documentRow(db, "credit-notes", "CN-0099")).toBeUndefined();
  });

  test("another business's documents, contacts and unknown types are not found or refused", async ({ page, db, baseURL }) => {
    // Forges a second business: the app makes exactly one per installation (at first run).
    const other = db.prepare("insert into businesses (name) values ('Other Co') returning id").get() as { id: number };
    const contact = { id: seedContact(other.id, { kind: "customer", name: "Hidden Customer", emails: "hidden@other.test" }) };
    const doc = {
      id: seedDocument(other.id, {
        type: "sales-invoices",
        contactId: contact.id,
        reference: "SECRET-1",
        issueDate: "2025-01-01",
        lines: [{ description: "Secret", quantity: "1", unitPrice: "1", taxRate: "0" }],
      }),
    };
    try {
      expect((await page.goto(`/documents/sales-invoices/${doc.id}`))?.status()).toBe(404);
      expect((await page.goto(`/documents/sales-invoices/${doc.id}/edit`))?.status()).toBe(404);
      expect((await page.goto(`/customers/${contact.id}`))?.status()).toBe(404);
      expect((await page.goto("/documents/receipts"))?.status()).toBe(404);
      expect((await page.request.get(`/documents/sales-invoices/${doc.id}/pdf`)).status()).toBe(404);
      await page.goto("/customers");
      await expect(page.getByText("Hidden Customer")).toHaveCount(0);

      // A signed-in user's recorded "create" replayed with the other business's customer id is refused.
      await page.goto("/documents/credit-notes/new");
      await page.getByLabel("Customer").selectOption({ label: "Contoso Retail" });
      await page.getByLabel("Reference").fill("CN-0050");
      await fillLine(page, 1, { description: "Refund", quantity: "1", unitPrice: "5", taxRate: "0" });
      const actionRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
      await page.getByRole("button", { name: "Create" }).click();
      const recorded = await actionRequest;
      await expect(page).toHaveURL(/\/documents\/credit-notes\/\d+$/);
      // The form sends the fields as typed ("contactId":"3"); the action's schema reads them.
      const forged = recorded.postData()!.replace(/CN-0050/g, "CN-0051").replace(/"contactId":"\d+"/, `"contactId":"${contact.id}"`);
      expect(forged).toContain(`"contactId":"${contact.id}",`);
      const response = await page.request.post("/documents/credit-notes/new", {
        headers: { "next-action": recorded.headers()["next-action"], "content-type": recorded.headers()["content-type"], accept: "text/x-component", origin: baseURL! },
        data: forged,
      });
      expect(await response.text()).toContain('"contactId":"validation.contactRequired"');
      expect(documentRow(db, "credit-notes", "CN-0051")).toBeUndefined();
      expect(count(db, "select count(*) as n from documents where contact_id = ? and business_id <> ?", contact.id, other.id)).toBe(0);
    } finally {
      // The app never deletes a business; its contacts go with it.
      db.prepare("delete from documents where business_id = ?").run(other.id);
      db.prepare("delete from businesses where id = ?").run(other.id);
    }
  });
});
