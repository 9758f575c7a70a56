// Seeds the app server's database in its own process (getDb() keeps one file per process):
// reads SmtpAccount and the line count as JSON from argv, prints SeededBusiness and a batch id as JSON.
import { queueDocumentBatch } from "@/lib/documents/bulk-email";
import { seedBusiness } from "./seed";

const { smtp, lines } = JSON.parse(process.argv[2] ?? "{}");
const seeded = await seedBusiness(smtp, lines);
// One bulk batch (of the seeded invoice) so its progress page can be weighed; the app's worker
// sends it on start, before the load section measures anything.
const batch = await queueDocumentBatch({
  businessId: seeded.businessId,
  userId: seeded.userId,
  locale: "en",
  documentType: "sales-invoices",
  documentIds: [seeded.documentId],
  subject: "Invoice {{reference}}",
  message: "Please find invoice {{reference}} attached.",
  idempotencyKey: "bench-batch",
});
if (!batch.ok) throw new Error(`seeding the bench batch failed: ${batch.error}`);
process.stdout.write(JSON.stringify({ ...seeded, batchId: batch.batchId }) + "\n");
