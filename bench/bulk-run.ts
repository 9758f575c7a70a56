// One bulk run in its own process, so its peak RSS is the app's alone (the SMTP server and its
// parsed messages live in the parent): seeds N customers with one 20-line invoice each, queues them
// as one batch through the app's code, drains the queue with the app's worker, and renders and sends
// the same invoices the bare way (bench/bare-invoice.ts, pooled nodemailer) before and after. Reads { smtp, count, baseline } from argv, prints a JSON result.
import { performance } from "node:perf_hooks";
import nodemailer from "nodemailer";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts, documentLines, documents, emails } from "@/db/schema";
import { queueDocumentBatch } from "@/lib/documents/bulk-email";
import { loadDocumentBundle } from "@/lib/documents/queries";
import { computeTotals } from "@/lib/documents/totals";
import { startOutboxWorker } from "@/lib/mail/queue/outbox-worker";
import { renderBareInvoice } from "./bare-invoice";
import { BULK_WARM_UP } from "./bulk";
import { benchInvoiceOf } from "./pdf";
import { invoiceLines, seedBusiness, type SmtpAccount } from "./seed";

const { smtp, count, baseline } = JSON.parse(process.argv[2] ?? "{}") as { smtp: SmtpAccount; count: number; baseline: boolean };
const LINES = 20;

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

const seeded = await seedBusiness(smtp, LINES);
const db = getDb();
const lines = invoiceLines(LINES);
const totals = computeTotals(lines);
const documentIds = db.transaction((tx) =>
  Array.from({ length: baseline ? count + BULK_WARM_UP : count }, (_, i) => {
    const contact = tx.insert(contacts).values({ businessId: seeded.businessId, kind: "customer", name: `Customer ${i}`, emails: `customer${i}@bulk.test` }).returning().get();
    const document = tx
      .insert(documents)
      .values({ businessId: seeded.businessId, type: "sales-invoices", contactId: contact.id, reference: `BULK-${String(i).padStart(5, "0")}`, issueDate: "2026-11-02", dueDate: "2026-12-02", ...totals })
      .returning()
      .get();
    lines.forEach((line, position) => tx.insert(documentLines).values({ documentId: document.id, position, ...line }).run());
    return document.id;
  }),
);

const worker = startOutboxWorker();

/** Ours: the batch queued (PDFs rendered and recorded) while the worker drains it over its pool. */
async function oursBatch(ids: number[]) {
  const started = performance.now();
  const batch = await queueDocumentBatch({
    businessId: seeded.businessId,
    userId: seeded.userId,
    locale: "en",
    documentType: "sales-invoices",
    documentIds: ids,
    subject: "Invoice {{reference}} from {{business_name}}",
    message: "Hello {{contact_name}},\n\nPlease find attached invoice **{{reference}}** for **{{total}}**.",
    idempotencyKey: crypto.randomUUID(),
  });
  if (!batch.ok) throw new Error(`queueDocumentBatch: ${JSON.stringify(batch)}`);
  const queuedMs = performance.now() - started;
  const sentWhileQueueing = db.select({ id: emails.id }).from(emails).where(and(eq(emails.batchId, batch.batchId), eq(emails.status, "sent"))).all().length;
  for (;;) {
    const open = db.select({ id: emails.id }).from(emails).where(inArray(emails.status, ["queued", "sending", "retrying"])).limit(1).all();
    if (!open.length) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { batchId: batch.batchId, queuedMs, sentWhileQueueing, ms: performance.now() - started };
}

// The baseline: the same invoices rendered with plain pdfkit, sent one after another over one pooled nodemailer connection.
const transport = nodemailer.createTransport({ pool: true, maxConnections: 1, host: "localhost", port: smtp.port, requireTLS: true, auth: { user: smtp.username, pass: smtp.password } });
async function bareSend(ids: number[]) {
  const started = performance.now();
  for (const id of ids) {
    const bundle = loadDocumentBundle(seeded.businessId, id)!;
    const pdf = { filename: `Sales Invoice ${bundle.document.reference}.pdf`, content: await renderBareInvoice(benchInvoiceOf(bundle)) };
    await transport.sendMail({
      from: { name: bundle.business.name, address: smtp.username },
      to: bundle.contact.emails,
      subject: `Invoice ${bundle.document.reference} from ${bundle.business.name}`,
      text: `Hello ${bundle.contact.name}, please find attached invoice ${bundle.document.reference}.`,
      html: `<p>Hello ${bundle.contact.name}, please find attached invoice <b>${bundle.document.reference}</b>.</p>`,
      attachments: [{ filename: pdf.filename, contentType: "application/pdf", content: pdf.content }],
    });
  }
  return performance.now() - started;
}

// With the baseline: both sides first warm up on the same few invoices (code compiled, connections
// open), then the baseline runs before and after ours, so a machine that speeds up or slows down
// during the run tilts neither side.
const timedIds = baseline ? documentIds.slice(BULK_WARM_UP) : documentIds;
const bareMsRuns: number[] = [];
if (baseline) {
  await oursBatch(documentIds.slice(0, BULK_WARM_UP));
  await bareSend(documentIds.slice(0, BULK_WARM_UP));
  bareMsRuns.push(await bareSend(timedIds));
}
const ours = await oursBatch(timedIds);
const oursPeakRss = peakRss;
await worker.stop();
const statuses = db.select({ status: emails.status }).from(emails).where(eq(emails.batchId, ours.batchId)).all();
if (baseline) bareMsRuns.push(await bareSend(timedIds));
transport.close();
clearInterval(sampler);
process.stdout.write(
  JSON.stringify({
    queuedMs: ours.queuedMs,
    sentWhileQueueing: ours.sentWhileQueueing,
    oursMs: ours.ms,
    bareMs: bareMsRuns.length ? bareMsRuns.reduce((a, b) => a + b, 0) / bareMsRuns.length : 0,
    bareMsRuns,
    peakRssMb: oursPeakRss / 2 ** 20,
    sent: statuses.filter((s) => s.status === "sent").length,
    notSent: statuses.filter((s) => s.status !== "sent").map((s) => s.status),
  }) + "\n",
);
process.exit(0);
