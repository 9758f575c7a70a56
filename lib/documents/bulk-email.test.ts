import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { businesses, emails } from "@/db/schema";
import { saveEmailSettings } from "@/lib/mail/settings-store";
import { closePooledTransports } from "@/lib/mail/queue/transports";
import { startOutboxWorker } from "@/lib/mail/queue/outbox-worker";
import type { OutboxWorker } from "@/lib/mail/queue/worker";
import { certPaths, testCaIsTrusted } from "../../test/fixtures/certs";
import { startMailServer, type MailServer } from "../../test/fixtures/mail-server";
import { seedContact, seedDocument, seedUser, testSmtpSettings } from "../../test/fixtures/seed";
import { queueDocumentBatch } from "./bulk-email";

// The app's queueing and worker, the real SMTP server (STARTTLS + AUTH) and a real SQLite file.
let server: MailServer;
let db: Db;
let worker: OutboxWorker;
let businessId: number;
let userId: number;
const COUNT = 30;
const documentIds: number[] = [];

beforeAll(async () => {
  if (!testCaIsTrusted()) throw new Error(`run with NODE_EXTRA_CA_CERTS=${certPaths.ca} so the test CA is trusted (verification stays on)`);
  process.env.DATABASE_PATH = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-bulk-")), "test.db");
  db = (await import("@/db/client")).getDb();
  server = await startMailServer();
  businessId = db.insert(businesses).values({ name: "Acme Supplies" }).returning().get().id;
  saveEmailSettings(businessId, testSmtpSettings(server));
  userId = await seedUser(businessId, { name: "Sam Staff", email: "sam@acme.test", password: "a long staff passphrase", role: "staff" });
  const lines = Array.from({ length: 20 }, (_, i) => ({ description: `Item ${i + 1}`, quantity: "2", unitPrice: "12.50", taxRate: "21" }));
  for (let i = 0; i < COUNT; i++) {
    const contactId = seedContact(businessId, { kind: "customer", name: `Customer ${i}`, emails: `customer${i}@bulk.test` });
    documentIds.push(seedDocument(businessId, { type: "sales-invoices", contactId, reference: `BULK-${String(i).padStart(3, "0")}`, lines }));
  }
  worker = startOutboxWorker();
});
afterAll(async () => {
  await worker?.stop();
  closePooledTransports();
  await server?.close();
});

describe("queueing a batch", () => {
  it("lets the worker send what is already queued while the rest of the batch renders, and each invoice arrives once with its own PDF", async () => {
    const batch = await queueDocumentBatch({
      businessId,
      userId,
      locale: "en",
      documentType: "sales-invoices",
      documentIds,
      subject: "Invoice {{reference}}",
      message: "Hello {{contact_name}}",
      idempotencyKey: crypto.randomUUID(),
    });
    if (!batch.ok) throw new Error(batch.error);
    expect(batch.queued).toBe(COUNT);
    // Counted the moment the last PDF was rendered and queued: the first emails are already out.
    const sentWhileQueueing = db.select({ id: emails.id }).from(emails).where(and(eq(emails.batchId, batch.batchId), eq(emails.status, "sent"))).all().length;
    expect(sentWhileQueueing).toBeGreaterThan(0);

    const received = await server.waitForMessages(COUNT, 30_000);
    expect(received).toHaveLength(COUNT);
    for (let i = 0; i < COUNT; i++) {
      const reference = `BULK-${String(i).padStart(3, "0")}`;
      const message = received.filter((m) => m.envelope.rcptTo.includes(`customer${i}@bulk.test`));
      expect(message, reference).toHaveLength(1);
      expect(message[0].parsed.subject).toBe(`Invoice ${reference}`);
      expect(message[0].parsed.attachments.map((a) => a.filename)).toEqual([`Sales Invoice ${reference}.pdf`]);
    }
  });
});
