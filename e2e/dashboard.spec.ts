import type { Browser, Page } from "@playwright/test";
import { test, expect, businessIdOf, seriousA11yViolations, signIn } from "./fixtures/test";
import { ADMIN, storageState } from "./fixtures/accounts";
import { configureSmtp } from "./fixtures/email-settings";
import { seedContact, seedDocument, seedUser, uniqueReference } from "../test/fixtures/seed";

test.describe.configure({ mode: "serial" });

const attention = (page: Page) => page.getByRole("region", { name: /Needs your attention|Necesita tu atención/ });
const recentEmails = (page: Page) => page.getByRole("region", { name: /Recent emails|Últimos correos/ });
const recentDocuments = (page: Page) => page.getByRole("region", { name: /Recent documents|Últimos documentos/ });

async function switchToSpanish(page: Page) {
  await page.getByLabel("Language").selectOption("es");
  await page.getByRole("button", { name: "Apply" }).click();
}

test.describe("the dashboard says what needs attention", () => {
  test("a new business's dashboard says what to do first, in English and Spanish", async ({ browser, db }) => {
    const owner = { email: `fresh-${Date.now()}@fresh.test`, password: "fresh-password-1" };
    // A second business is what the app never makes (setup runs once), so it is forged here.
    const business = Number(db.prepare("insert into businesses (name) values ('Fresh Start Co')").run().lastInsertRowid);
    await seedUser(business, { name: "Fran Fresh", email: owner.email, password: owner.password, role: "admin" });
    const context = await (browser as Browser).newContext();
    const page = await context.newPage();
    try {
      await signIn(page, owner.email, owner.password);
      await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

      // Nothing of another business shows here: no emails, no documents, and email is not set up.
      await expect(attention(page)).toContainText("Email is not set up yet.");
      await expect(attention(page).getByRole("link", { name: "Set up email" })).toHaveAttribute("href", "/settings/email");
      await expect(attention(page)).toContainText("No email is waiting for a retry.");
      await expect(recentEmails(page)).toContainText("No emails yet. Once email is set up, every document page has an Email button.");
      await expect(recentEmails(page).getByRole("table")).toHaveCount(0);
      await expect(recentEmails(page).getByRole("link", { name: "Open the Email log" })).toHaveAttribute("href", "/emails");
      await expect(recentDocuments(page)).toContainText("No documents yet. Add your first customer");
      await expect(recentDocuments(page).getByRole("link", { name: "Add a customer" })).toHaveAttribute("href", "/customers/new");
      await expect(recentDocuments(page).getByRole("link", { name: "All documents" })).toHaveAttribute("href", "/documents");
      await expect(recentDocuments(page)).toContainText("No customers · no suppliers · no documents");
      expect(await seriousA11yViolations(page)).toEqual([]);

      // With a customer, the first step becomes making a document.
      seedContact(business, { kind: "customer", name: "First Customer", emails: "first@customer.test" });
      await page.reload();
      await expect(recentDocuments(page)).toContainText("No documents yet. Create your first quote or invoice.");
      await expect(recentDocuments(page).getByRole("link", { name: "Choose a document type" })).toHaveAttribute("href", "/documents");

      await switchToSpanish(page);
      await expect(page.getByRole("heading", { level: 1, name: "Panel" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Registro de envíos" })).toHaveAttribute("href", "/emails");
      await expect(attention(page)).toContainText("El correo todavía no está configurado.");
      await expect(attention(page)).toContainText("Ningún correo está pendiente de reintento.");
      await expect(recentEmails(page)).toContainText("Todavía no hay correos.");
      await expect(recentEmails(page).getByRole("link", { name: "Abrir el Registro de envíos" })).toBeVisible();
      await expect(recentDocuments(page)).toContainText("Todavía no hay documentos. Crea tu primer presupuesto o tu primera factura.");
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await context.close();
      db.prepare("delete from contacts where business_id = ?").run(business);
      db.prepare("delete from businesses where id = ?").run(business);
    }
  });

  test.describe("with a failed and an interrupted email", () => {
    test.use({ storageState: storageState.admin });
    const seeded = { contacts: [] as number[], documents: [] as number[] };
    test.afterAll(({ db }) => {
      for (const id of seeded.documents) db.prepare("delete from documents where id = ?").run(id);
      for (const id of seeded.contacts) db.prepare("delete from contacts where id = ?").run(id);
    });

    test("they wait under Needs your attention with Retry now, the counts say so, and a retry sends the email and clears it", async ({ page, db, mail }) => {
      // Four real sends and two retries against the SMTP server: more than the default minute on a busy machine.
      test.setTimeout(150_000);
      mail.reset();
      await configureSmtp(page, mail);
      const customer = seedContact(businessIdOf(db), { kind: "customer", name: "Northwind Dashboard", emails: "ap@northwind.test" });
      seeded.contacts.push(customer);
      const reference = uniqueReference("DSH-");
      const id = seedDocument(businessIdOf(db), { type: "sales-invoices", contactId: customer, reference, dueDate: "2026-12-02", lines: [{ description: "Audit", quantity: "1", unitPrice: "90", taxRate: "0" }] });
      seeded.documents.push(id);

      // Two real sends refused by the server; the second is then left as a crash leaves one.
      mail.behaviour.rejectSender = true;
      const sendOnce = async () => {
        await page.goto(`/documents/sales-invoices/${id}`);
        await page.getByRole("button", { name: "Email", exact: true }).click();
        await page.getByRole("dialog").getByRole("button", { name: "Send" }).click();
        await expect(page.getByRole("dialog").getByRole("alert")).toContainText("The email could not be sent.", { timeout: 20_000 });
      };
      await sendOnce();
      await sendOnce();
      const [interrupted, failed] = db.prepare("select id, subject from emails where document_id = ? order by id desc").all(id) as { id: number; subject: string }[];
      db.prepare("update emails set status = 'interrupted' where id = ?").run(interrupted.id);
      const waiting = (db.prepare("select count(*) as n from emails where status in ('failed', 'interrupted')").get() as { n: number }).n;

      await page.goto("/");
      const block = attention(page);
      await expect(block).toContainText("Email is set up");
      await expect(block).toContainText(`${waiting} emails were not sent: fix the problem, then retry.`);
      const failedRow = block.locator(`tr[data-email-id="${failed.id}"]`);
      const interruptedRow = block.locator(`tr[data-email-id="${interrupted.id}"]`);
      await expect(failedRow).toContainText("Failed");
      await expect(failedRow).toContainText("ap@northwind.test");
      await expect(interruptedRow).toContainText("Interrupted");
      await expect(failedRow.getByRole("link")).toHaveAttribute("href", `/emails/${failed.id}`);
      await expect(block.getByRole("button", { name: `Retry now: ${failed.subject}` })).toHaveCount(2);
      await expect(block.getByRole("link", { name: "Open the Email log" })).toHaveAttribute("href", "/emails");

      // The counts by status come from the log itself, whatever statuses exist.
      const counts = db.prepare("select status, count(*) as n from emails where business_id = (select business_id from emails where id = ?) group by status").all(failed.id) as { status: string; n: number }[];
      const byStatus = recentEmails(page).getByRole("list", { name: "Emails by status" });
      await expect(byStatus.getByRole("listitem")).toHaveCount(counts.length);
      for (const { status, n } of counts) await expect(byStatus.locator(`[data-status="${status}"]`)).toHaveText(new RegExp(` ${n}$`));
      // The five most recent emails, newest first, with their status; the newest document first.
      const recentRows = recentEmails(page).locator("tbody tr");
      const logged = counts.reduce((sum, { n }) => sum + n, 0);
      await expect(recentRows).toHaveCount(Math.min(5, logged));
      await expect(recentRows.first()).toHaveAttribute("data-email-id", String(interrupted.id));
      await expect(recentRows.first()).toContainText("Interrupted");
      await expect(recentRows.nth(1)).toContainText("Failed");
      await expect(recentDocuments(page).locator("tbody tr").first()).toContainText(reference);
      await expect(recentDocuments(page).getByRole("link", { name: reference })).toHaveAttribute("href", `/documents/sales-invoices/${id}`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // The problem is fixed; Retry now on the dashboard sends the failed email and it leaves the block.
      mail.behaviour.rejectSender = false;
      await failedRow.getByRole("button", { name: /^Retry now/ }).click();
      await expect(failedRow).toHaveCount(0, { timeout: 20_000 });
      const [retried] = await mail.waitForMessages(1);
      expect(retried.envelope.rcptTo).toEqual(["ap@northwind.test"]);
      expect(db.prepare("select status from emails where id = ?").get(failed.id)).toEqual({ status: "sent" });
      await expect(interruptedRow).toBeVisible();

      // In Spanish too.
      const original = db.prepare("select locale from users where email = ?").get(ADMIN.email) as { locale: string | null };
      await switchToSpanish(page);
      try {
        await expect(attention(page)).toContainText("no se ha");
        await expect(interruptedRow).toContainText("Interrumpido");
        await expect(attention(page).getByRole("button", { name: `Reintentar ahora: ${interrupted.subject}` })).toBeVisible();
        await expect(attention(page).getByRole("link", { name: "Abrir el Registro de envíos" })).toBeVisible();
        await expect(recentEmails(page).getByRole("list", { name: "Correos por estado" })).toContainText("Enviado");
        expect(await seriousA11yViolations(page)).toEqual([]);

        // Retrying the interrupted one leaves nothing of this spec waiting.
        await attention(page).getByRole("button", { name: `Reintentar ahora: ${interrupted.subject}` }).click();
        await expect(interruptedRow).toHaveCount(0, { timeout: 20_000 });
        await mail.waitForMessages(2);
      } finally {
        // The language belongs to the user in the database: leave it as the other specs expect.
        db.prepare("update users set locale = ? where email = ?").run(original.locale, ADMIN.email);
      }
    });
  });
});
