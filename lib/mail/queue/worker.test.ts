import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { businesses, emailAttempts, emails, emailSettings } from "@/db/schema";
import { certPaths, testCaIsTrusted } from "../../../test/fixtures/certs";
import { startHttpRelay, type HttpRelay } from "../../../test/fixtures/http-relay";
import { startMailServer, type MailServer } from "../../../test/fixtures/mail-server";
import { saveEmailSettings } from "../settings-store";
import { SMTP_POOL } from "../smtp-pool";
import { retryEmailNow } from "./claims";
import { createAppOutboxWorker } from "./outbox-worker";
import { closePooledTransports } from "./transports";
import type { OutboxWorker } from "./worker";
import { testSmtpSettings } from "../../../test/fixtures/seed";

// The real worker, the real SMTP server and a real SQLite file; only the clock is ours, so
// minutes of backoff pass in an instant.
let server: MailServer;
let relay: HttpRelay;
let db: Db;
let businessId: number;
let relayBusinessId: number;
let worker: OutboxWorker;
const clock = { at: Date.parse("2026-11-28T14:00:00Z"), now() { return this.at; }, advance(ms: number) { this.at += ms; } };
const minute = 60_000;

beforeAll(async () => {
  if (!testCaIsTrusted()) throw new Error(`run with NODE_EXTRA_CA_CERTS=${certPaths.ca} so the test CA is trusted (verification stays on)`);
  process.env.DATABASE_PATH = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-worker-")), "test.db");
  db = (await import("@/db/client")).getDb();
  server = await startMailServer();
  relay = await startHttpRelay();
  businessId = db.insert(businesses).values({ name: "Acme Supplies" }).returning().get().id;
  relayBusinessId = db.insert(businesses).values({ name: "Relay Traders" }).returning().get().id;
  saveEmailSettings(relayBusinessId, { ...smtpSettings(), protocol: "http", smtpHost: "", smtpUsername: "", smtpPassword: "", httpUrl: relay.url, httpReplyTo: "desk@relay.test" });
  saveEmailSettings(businessId, smtpSettings());
  // A fixed jitter keeps the schedule exact; the policy's own tests cover the spread.
  worker = createAppOutboxWorker({ clock, random: () => 0.5 });
});
afterEach(() => {
  // The worker remembers recent sends for the rate limit: each test starts with an empty minute.
  clock.advance(minute);
  server.reset();
  relay.reset();
  closePooledTransports();
  db.delete(emails).run();
  db.update(emailSettings).set({ sendRatePerMinute: null }).run();
});
afterAll(async () => {
  await worker.stop();
  await server?.close();
  await relay?.close();
});

const smtpSettings = () => testSmtpSettings(server);

function queue(count: number, to = (i: number) => `customer${i}@example.test`, business = businessId): number[] {
  return Array.from({ length: count }, (_, i) =>
    db
      .insert(emails)
      .values({
        businessId: business,
        idempotencyKey: crypto.randomUUID(),
        protocol: "smtp",
        fromAddress: "",
        toAddresses: to(i),
        subject: `Invoice INV-${String(i).padStart(4, "0")}`,
        bodyText: `Invoice ${i} attached.`,
        bodyHtml: `<p>Invoice ${i} attached.</p>`,
        status: "queued",
        attempts: 0,
        nextAttemptAt: clock.now(),
      })
      .returning({ id: emails.id })
      .get().id,
  );
}

const row = (id: number) => db.select().from(emails).where(eq(emails.id, id)).get()!;
const attemptLog = (id: number) => db.select().from(emailAttempts).where(eq(emailAttempts.emailId, id)).all().map((a) => a.outcome);

describe("a busy server is retried with backoff", () => {
  it("421 to the first two attempts: retried after 1 and 5 minutes, exactly one copy arrives, the log shows both retries", async () => {
    server.behaviour.busyReplies = 2;
    const [id] = queue(1);
    await worker.runUntilIdle();
    expect(row(id)).toMatchObject({ status: "retrying", attempts: 1, nextAttemptAt: clock.now() + minute });
    expect(JSON.parse(row(id).failure!)).toMatchObject({ responseCode: 421 });

    clock.advance(minute - 1_000);
    await worker.runUntilIdle();
    expect(row(id).attempts).toBe(1);

    clock.advance(1_000);
    await worker.runUntilIdle();
    expect(row(id)).toMatchObject({ status: "retrying", attempts: 2, nextAttemptAt: clock.now() + 5 * minute });

    clock.advance(5 * minute);
    await worker.runUntilIdle();
    expect(row(id)).toMatchObject({ status: "sent", attempts: 3, failure: null });
    expect(server.messages).toHaveLength(1);
    expect(server.messages[0].parsed.messageId).toBe(row(id).messageId);
    expect(attemptLog(id)).toEqual(["retrying", "retrying", "sent"]);
  });

  it("a 550 recipient rejection fails at once, and Retry now still works once it is fixed", async () => {
    server.behaviour.rejectRecipient = true;
    const [id] = queue(1);
    await worker.runUntilIdle();
    expect(row(id)).toMatchObject({ status: "failed", attempts: 1, nextAttemptAt: null });
    expect(JSON.parse(row(id).failure!)).toMatchObject({ code: "recipient_refused", responseCode: 550 });

    server.behaviour.rejectRecipient = false;
    expect(retryEmailNow(db, businessId, id, clock.now())).toBe(true);
    await worker.runUntilIdle();
    expect(row(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(server.messages).toHaveLength(1);
    expect(attemptLog(id)).toEqual(["failed", "sent"]);
  });
});

describe("an HTTP relay that is busy", () => {
  it("503 with Retry-After: 2 is retried after about 2 s, then delivered once", async () => {
    relay.respondOnce(1, 503, "Service busy", { "Retry-After": "2" });
    const [id] = queue(1, () => "customer@example.test", relayBusinessId);
    await worker.runUntilIdle();
    expect(row(id)).toMatchObject({ status: "retrying", attempts: 1 });
    const wait = row(id).nextAttemptAt! - clock.now();
    expect(wait).toBeGreaterThanOrEqual(2_000);
    expect(wait).toBeLessThanOrEqual(2_200);
    expect(JSON.parse(row(id).failure!)).toMatchObject({ httpStatus: 503, retryAfter: 2 });

    clock.advance(wait);
    await worker.runUntilIdle();
    expect(row(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(relay.requests).toHaveLength(2);
  });
});

describe("nothing is sent twice by the system", () => {
  it("the connection dies after the message was handed over: failed for a person to decide, never retried by itself", async () => {
    server.behaviour.dropAfterData = true;
    const [id] = queue(1);
    await worker.runUntilIdle();
    expect(row(id)).toMatchObject({ status: "failed", attempts: 1 });
    expect(JSON.parse(row(id).failure!)).toMatchObject({ stage: "message", code: "connection_lost" });
    clock.advance(7 * 3_600_000);
    await worker.runUntilIdle();
    expect(row(id).attempts).toBe(1);
  });
});

describe("connections are reused", () => {
  // Hundreds of real SMTP transactions: generous bounds for a busy machine.
  it(`100 queued emails use at most ${SMTP_POOL.maxConnections} connections (the pool size), each email once`, { timeout: 180_000 }, async () => {
    const ids = queue(100);
    await worker.runUntilIdle();
    expect(server.messages).toHaveLength(100);
    expect(server.connections).toBeLessThanOrEqual(SMTP_POOL.maxConnections);
    expect(new Set(server.messages.map((m) => m.parsed.messageId)).size).toBe(100);
    expect(new Set(ids.map((id) => row(id).status))).toEqual(new Set(["sent"]));
  });

  it("a server that drops the connection after every 50th message: 101 emails, none lost, none twice", { timeout: 180_000 }, async () => {
    server.behaviour.dropEvery = 50;
    const ids = queue(101);
    for (let round = 0; round < 5 && ids.some((id) => row(id).status !== "sent"); round++) {
      await worker.runUntilIdle();
      clock.advance(minute);
    }
    expect(ids.filter((id) => row(id).status !== "sent").map((id) => ({ ...row(id), bodyHtml: undefined }))).toEqual([]);
    expect(server.messages).toHaveLength(101);
    expect(new Set(server.messages.map((m) => m.envelope.rcptTo[0])).size).toBe(101);
    expect(server.connections).toBeGreaterThanOrEqual(3);
  });

  it("an email queued before the settings change leaves with the new settings, and saving closed the pooled connection", async () => {
    const [first] = queue(1);
    await worker.runUntilIdle();
    expect(row(first).status).toBe("sent");
    expect(server.connections).toBe(1);

    const [second] = queue(1, () => "later@example.test");
    try {
      // Same server and account (so the pool's key is unchanged): only the save can close its connection.
      saveEmailSettings(businessId, { ...smtpSettings(), copyEnabled: true, copyAddress: "archive@acme.test" });
      await worker.runUntilIdle();
      expect(row(second)).toMatchObject({ status: "sent", bccAddresses: "archive@acme.test" });
      expect(server.messages[1].envelope.rcptTo.sort()).toEqual(["archive@acme.test", "later@example.test"]);
      expect(server.connections).toBe(2);
    } finally {
      saveEmailSettings(businessId, smtpSettings());
    }
  });

  it("a rate of 30 per minute is honoured under the injected clock", { timeout: 180_000 }, async () => {
    db.update(emailSettings).set({ sendRatePerMinute: 30 }).run();
    queue(100);
    await worker.runUntilIdle();
    expect(server.messages).toHaveLength(30);
    clock.advance(minute - 1);
    await worker.runUntilIdle();
    expect(server.messages).toHaveLength(30);
    clock.advance(1);
    await worker.runUntilIdle();
    expect(server.messages).toHaveLength(60);
    clock.advance(minute);
    await worker.runUntilIdle();
    clock.advance(minute);
    await worker.runUntilIdle();
    expect(server.messages).toHaveLength(100);
  });
});
