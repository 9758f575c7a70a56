import { simpleParser } from "mailparser";
import { extractText, getDocumentProxy } from "unpdf";
import { test, expect, seriousA11yViolations } from "./fixtures/test";
import { ADMIN, storageState } from "./fixtures/accounts";
import { configureSmtp } from "./fixtures/email-settings";
import { solidPng } from "../test/fixtures/png";

test.use({ storageState: storageState.admin });
test.describe.configure({ mode: "serial" });

// Intl writes "282,00 €" with a no-break space; compare with plain spaces.
const plain = (text: string) => text.replace(/\u00a0/g, " ");
const pdfText = async (content: Buffer) => plain((await extractText(await getDocumentProxy(new Uint8Array(content)), { mergePages: true })).text);

type BusinessRow = { address: string; phone: string; tax_id: string; currency: string; default_tax_rate: string };
let original: { business: BusinessRow; locale: string | null };
const created = { contacts: [] as number[], documents: [] as number[] };

test.beforeAll(({ db }) => {
  original = {
    business: db.prepare("select address, phone, tax_id, currency, default_tax_rate from businesses").get() as BusinessRow,
    locale: (db.prepare("select locale from users where email = ?").get(ADMIN.email) as { locale: string | null }).locale,
  };
});

// Later specs expect the business as the first run left it, in English.
test.afterAll(({ db }) => {
  for (const id of created.documents) db.prepare("delete from documents where id = ?").run(id);
  for (const id of created.contacts) db.prepare("delete from contacts where id = ?").run(id);
  const b = original.business;
  db.prepare("update businesses set address = ?, phone = ?, tax_id = ?, currency = ?, default_tax_rate = ?").run(b.address, b.phone, b.tax_id, b.currency, b.default_tax_rate);
  db.prepare("delete from business_logos").run();
  db.prepare("update users set locale = ? where email = ?").run(original.locale, ADMIN.email);
});

test("the first administrator's business starts in the currency of their browser (en-US: US dollars)", async ({ page }) => {
  expect(original.business.currency).toBe("USD");
  await page.goto("/settings");
  await expect(page.getByLabel("Currency")).toHaveValue("USD");
  await expect(page.getByLabel("Currency").locator("option:checked")).toHaveText("USD — US Dollar ($)");
});

test("a logo that is not an image is refused with a field message, and nothing is stored", async ({ page, db }) => {
  const stored = () => ({
    logos: db.prepare("select count(*) as n from business_logos").get(),
    business: db.prepare("select tax_id from businesses").get(),
  });
  const before = stored();
  await page.goto("/settings");
  await page.getByLabel("Tax ID").fill("B99999999");
  // Named and typed like a PNG, but it is text.
  await page.getByLabel("Logo", { exact: true }).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("GIF89a? no: plain text") });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The logo must be a PNG or JPEG image.")).toBeVisible();
  await expect(page.getByLabel("Logo", { exact: true })).toHaveAttribute("aria-invalid", "true");
  expect(stored()).toEqual(before);

  // A PNG's signature over damaged pixels passes the browser's check; the server decodes it and refuses.
  const damaged = solidPng(4, 4, [0, 0, 0], { idat: Buffer.from("not deflate data") });
  await page.getByLabel("Logo", { exact: true }).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: damaged });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Some fields need your attention.");
  await expect(page.getByText("The logo must be a PNG or JPEG image.")).toBeVisible();
  expect(stored()).toEqual(before);
});

const logoPng = solidPng(120, 40, [220, 38, 38]);

test("EUR, a tax ID, a logo and a 21 % default: an invoice made without touching the tax field is emailed in Spanish with all of them", async ({ page, db, mail }) => {
  await page.goto("/settings");
  await page.getByLabel("Address").fill("Calle Mayor 1\n28013 Madrid");
  await page.getByLabel("Phone").fill("+34 910 000 000");
  await page.getByLabel("Tax ID").fill("B12345678");
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByLabel("Default tax rate").fill("21");
  await page.getByLabel("Logo", { exact: true }).setInputFiles({ name: "acme.png", mimeType: "image/png", buffer: logoPng });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Saved.");
  await expect(page.getByRole("img", { name: "Your current logo" })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(db.prepare("select tax_id, currency, default_tax_rate from businesses").get()).toEqual({ tax_id: "B12345678", currency: "EUR", default_tax_rate: "21" });
  expect(db.prepare("select content_type from business_logos").get()).toEqual({ content_type: "image/png" });

  // A customer with its own address and tax ID, through its form.
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill("Librería Cervantes SL");
  await page.getByLabel("Email").fill("compras@cervantes.test");
  await page.getByLabel("Address").fill("Plaza de Cervantes 2\n28801 Alcalá de Henares");
  await page.getByLabel("Tax ID").fill("B87654321");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/customers\/\d+$/);
  created.contacts.push(Number(new URL(page.url()).pathname.split("/").pop()));

  // New lines start at 21 %; the tax field is never touched.
  await page.goto("/documents/sales-invoices/new");
  await page.getByLabel("Customer").selectOption({ label: "Librería Cervantes SL" });
  await page.getByLabel("Issue date").fill("2026-11-28");
  await page.getByLabel("Due date").fill("2026-12-28");
  const line = (n: number) => page.getByRole("group", { name: `Line ${n}` });
  await expect(line(1).getByLabel("Tax rate")).toHaveValue("21");
  await line(1).getByLabel("Description").fill("Diseño de catálogo");
  await line(1).getByLabel("Unit price").fill("200");
  await page.getByRole("button", { name: "Add line" }).click();
  await expect(line(2).getByLabel("Tax rate")).toHaveValue("21");
  await line(2).getByLabel("Description").fill("Horas de maquetación");
  await line(2).getByLabel("Quantity").fill("2");
  await line(2).getByLabel("Unit price").fill("41");
  await expect(page.getByTestId("subtotal")).toHaveText("€282.00");
  await expect(page.getByTestId("total")).toHaveText("€341.22");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/documents\/sales-invoices\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  created.documents.push(id);
  expect(db.prepare("select subtotal, tax_total, total from documents where id = ?").get(id)).toEqual({ subtotal: "282.00", tax_total: "59.22", total: "341.22" });
  const { reference } = db.prepare("select reference from documents where id = ?").get(id) as { reference: string };

  await configureSmtp(page, mail);
  mail.reset();
  await page.goto("/");
  await page.getByLabel("Language").selectOption("es");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("heading", { name: "Panel" })).toBeVisible();

  await page.goto(`/documents/sales-invoices/${id}`);
  const printable = page.locator("article.printable");
  await expect(printable.getByTestId("total")).toHaveText("341,22\u00a0€");
  await expect(printable).toContainText("28 nov 2026");
  await expect(printable).toContainText("NIF/CIF: B12345678");
  await expect(printable).toContainText("NIF/CIF: B87654321");
  await page.getByRole("button", { name: "Enviar por correo", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Mensaje")).toHaveValue(/por un importe de \*\*341,22\s€\*\*/);
  // The preview shows the logo as the customer's mail client will.
  const previewLogo = dialog.frameLocator('iframe[title="Vista previa del correo"]').getByRole("img", { name: "Acme Tools" });
  await expect(previewLogo).toHaveAttribute("src", `data:image/png;base64,${logoPng.toString("base64")}`);
  await dialog.getByRole("button", { name: "Enviar", exact: true }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Correo enviado a compras@cervantes.test." })).toBeVisible({ timeout: 20_000 });

  const [message] = await mail.waitForMessages(1);
  expect(message.parsed.subject).toBe(`Factura ${reference} de Acme Tools`);
  const html = plain(String(message.parsed.html));
  const htmlText = html.replace(/<[^>]+>/g, "");
  expect(htmlText).toContain("por un importe de 341,22 €");
  expect(htmlText).toContain("con vencimiento el 28 dic 2026");
  // The footer: who sent it, with the address and the NIF.
  expect(htmlText).toContain("Calle Mayor 1");
  expect(htmlText).toContain("NIF/CIF: B12345678");
  expect(htmlText).toContain("+34 910 000 000");
  expect(message.parsed.text).toContain("NIF/CIF: B12345678");
  // The logo travels inline: an image part beside the HTML, which shows it by its cid (read without the parser's data: rewrite).
  const asReceived = await simpleParser(message.raw, { keepCidLinks: true });
  expect(String(asReceived.html)).toContain('<img src="cid:logo.png" alt="Acme Tools"');
  expect(message.raw.toString("latin1")).toMatch(/^Content-Type: multipart\/related; type="text\/html";/m);
  const inlineLogo = asReceived.attachments.find((a) => a.cid === "logo.png");
  expect(inlineLogo).toMatchObject({ contentType: "image/png", contentDisposition: "inline", related: true });
  expect(Buffer.compare(inlineLogo!.content, logoPng)).toBe(0);
  // The email log shows the email as it was sent, logo included.
  const { id: emailId } = db.prepare("select id from emails where document_id = ?").get(id) as { id: number };
  await page.goto(`/emails/${emailId}`);
  const loggedLogo = page.frameLocator('iframe[title="Mensaje"]').getByRole("img", { name: "Acme Tools" });
  await expect(loggedLogo).toHaveAttribute("src", `data:image/png;base64,${logoPng.toString("base64")}`);

  const pdf = message.parsed.attachments.find((a) => a.contentType === "application/pdf");
  expect(pdf?.filename).toBe(`Sales Invoice ${reference}.pdf`);
  expect(pdf!.content.toString("latin1")).toMatch(/\/Subtype \/Image/);
  const text = await pdfText(pdf!.content);
  for (const expected of [
    "Factura de venta",
    "28 nov 2026",
    "Calle Mayor 1",
    "28013 Madrid",
    "NIF/CIF: B12345678",
    "+34 910 000 000",
    "Librería Cervantes SL",
    "Plaza de Cervantes 2",
    "NIF/CIF: B87654321",
    "200,00 €",
    "82,00 €",
    "282,00 €",
    "59,22 €",
    "341,22 €",
    "21 %",
  ]) {
    expect(text).toContain(expected);
  }
  expect(text).not.toContain("€282");
});

test("the default tax rate only starts a line: it can be changed there, and a line left without a rate is taxed at 0 %", async ({ page, db }) => {
  // The story before switched the administrator to Spanish; this one reads the English labels.
  db.prepare("update users set locale = ? where email = ?").run(original.locale, ADMIN.email);
  expect(db.prepare("select default_tax_rate from businesses").get()).toEqual({ default_tax_rate: "21" });
  await page.goto("/documents/sales-invoices/new");
  await page.getByLabel("Customer").selectOption({ label: "Librería Cervantes SL" });
  const line = (n: number) => page.getByRole("group", { name: `Line ${n}` });
  await expect(line(1).getByLabel("Tax rate")).toHaveValue("21");
  await line(1).getByLabel("Description").fill("Libros");
  await line(1).getByLabel("Unit price").fill("100");
  await line(1).getByLabel("Tax rate").fill("4");
  await page.getByRole("button", { name: "Add line" }).click();
  await expect(line(2).getByLabel("Tax rate")).toHaveValue("21");
  await line(2).getByLabel("Description").fill("Envío");
  await line(2).getByLabel("Unit price").fill("10");
  await line(2).getByLabel("Tax rate").fill("");
  await expect(page.getByTestId("tax-total")).toHaveText("€4.00");
  await expect(page.getByTestId("total")).toHaveText("€114.00");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/documents\/sales-invoices\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  created.documents.push(id);
  expect(db.prepare("select subtotal, tax_total, total from documents where id = ?").get(id)).toEqual({ subtotal: "110.00", tax_total: "4.00", total: "114.00" });
  expect(db.prepare("select tax_rate from document_lines where document_id = ? order by position").all(id)).toEqual([{ tax_rate: "4" }, { tax_rate: "0" }]);
});
