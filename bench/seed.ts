// A fresh Mailroom database for the bench, written through the app's own code: the business and
// its administrator, SMTP settings saved with saveEmailSettings (the password really sealed), a
// customer and an invoice. Uses whatever DATABASE_PATH and APP_ENCRYPTION_KEY are set.
import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { createBusinessWithAdmin, updateBusiness } from "@/lib/businesses/queries";
import { saveEmailSettings } from "@/lib/mail/settings-store";
import { blankEmailSettings, emailSettingsSchema } from "@/lib/validation/email-settings";
import { seedContact, seedDocument } from "@/test/fixtures/seed";

export const BENCH_ADMIN = { name: "Bea Bench", email: "owner@bench.test", password: "bench-password-1" };
export const BENCH_CUSTOMER = { name: "Northwind Traders", email: "accounts@northwind.test" };

export interface SmtpAccount {
  port: number;
  username: string;
  password: string;
}

export interface SeededBusiness {
  businessId: number;
  userId: number;
  documentId: number;
  customerId: number;
  supplierId: number;
}

/** Invoice lines with varied text and amounts, so PDF rendering does real layout work. */
export function invoiceLines(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    description: `Line ${i + 1}: ${i % 3 === 0 ? "consulting hours, on-site workshop and written follow-up report" : "replacement part"}`,
    quantity: String((i % 7) + 1),
    unitPrice: `${(i * 13.37 + 9.5).toFixed(2)}`,
    taxRate: i % 4 === 0 ? "10" : "21",
  }));
}

export async function seedBusiness(smtp: SmtpAccount, lineCount: number): Promise<SeededBusiness> {
  const created = createBusinessWithAdmin({
    businessName: "Bench Supplies Ltd",
    currency: "EUR",
    admin: { name: BENCH_ADMIN.name, email: BENCH_ADMIN.email, passwordHash: await hashPassword(BENCH_ADMIN.password) },
  });
  if (!created) throw new Error("The bench seeds a fresh database, and this one already has users.");
  const { businessId, userId } = created;
  updateBusiness({
    businessId,
    values: { name: "Bench Supplies Ltd", email: smtp.username, address: "1 Quay Street\nDublin", phone: "+353 1 555 0100", taxId: "IE1234567T", currency: "EUR", defaultTaxRate: "" },
  });
  const contactId = seedContact(businessId, { kind: "customer", name: BENCH_CUSTOMER.name, emails: BENCH_CUSTOMER.email, address: "5 Harbour Road\nCork" });
  const supplierId = seedContact(businessId, { kind: "supplier", name: "Harbour Paper Co", emails: "orders@harbour-paper.test", address: "9 Dock Lane\nGalway" });
  const documentId = seedDocument(businessId, {
    type: "sales-invoices",
    contactId,
    reference: "INV-0001",
    issueDate: "2026-11-02",
    dueDate: "2026-12-02",
    notes: "Payment by bank transfer within 30 days.",
    lines: invoiceLines(lineCount),
  });
  const ids = { businessId, userId, documentId, customerId: contactId, supplierId };

  const settings = emailSettingsSchema({ savedPassword: null }).parse({
    ...blankEmailSettings,
    smtpHost: "localhost",
    smtpPort: smtp.port,
    smtpUsername: smtp.username,
    smtpPassword: smtp.password,
  });
  saveEmailSettings(ids.businessId, settings);
  return ids;
}
