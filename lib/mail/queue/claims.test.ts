import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { businesses, emailAttempts, emails } from "@/db/schema";
import { cancelEmail, claimDueEmails, finishAttempt, interruptExpiredLeases, nextDueAt, renewLease, retryEmailNow, businessesWithDueEmails } from "./claims";

// Two connections on one real SQLite file stand in for two app processes.
let first: Db;
let second: Db;
let businessId: number;
const now = 1_800_000_000_000;

beforeEach(() => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-claims-")), "test.db");
  first = openDatabase(file).db;
  second = openDatabase(file).db;
  businessId = first.insert(businesses).values({ name: "Acme" }).returning().get().id;
});

function queue(count: number, dueAt = now): number[] {
  return Array.from({ length: count }, (_, i) =>
    first
      .insert(emails)
      .values({
        businessId,
        idempotencyKey: crypto.randomUUID(),
        protocol: "smtp",
        fromAddress: "Acme <owner@acme.test>",
        toAddresses: `c${i}@customer.test`,
        subject: `Invoice ${i}`,
        bodyText: "",
        bodyHtml: "",
        status: "queued",
        attempts: 0,
        nextAttemptAt: dueAt,
      })
      .returning({ id: emails.id })
      .get().id,
  );
}

const row = (id: number) => first.select().from(emails).where(eq(emails.id, id)).get()!;
const lease = { leaseMs: 60_000 };

describe("claiming queued emails", () => {
  it("two connections claiming in turn never get the same email, and together get all of them", () => {
    const ids = queue(10);
    const claimed: number[] = [];
    for (let round = 0; round < 6; round++) {
      claimed.push(...claimDueEmails(first, { businessId, limit: 2, now, ...lease }).map((c) => c.emailId));
      claimed.push(...claimDueEmails(second, { businessId, limit: 2, now, ...lease }).map((c) => c.emailId));
    }
    expect(claimed.sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids.map((id) => row(id).status))).toEqual(new Set(["sending"]));
    expect(new Set(ids.map((id) => row(id).attemptToken)).size).toBe(10);
  });

  it("only claims what is due, and says when the next one is", () => {
    queue(1, now + 60_000);
    expect(businessesWithDueEmails(first, now)).toEqual([]);
    expect(claimDueEmails(first, { businessId, limit: 5, now, ...lease })).toEqual([]);
    expect(nextDueAt(first)).toBe(now + 60_000);
    expect(businessesWithDueEmails(first, now + 60_000)).toEqual([businessId]);
    expect(claimDueEmails(second, { businessId, limit: 5, now: now + 60_000, ...lease })).toHaveLength(1);
  });

  it("counts the attempt and records it in the attempt log", () => {
    const [id] = queue(1);
    const [claim] = claimDueEmails(first, { businessId, limit: 1, now, ...lease });
    expect(claim).toMatchObject({ emailId: id, businessId, attempt: 1 });
    expect(finishAttempt(first, claim, { status: "retrying", failure: { stage: "envelope", code: "unknown", raw: "421 busy", responseCode: 421 }, nextAttemptAt: now + 60_000 }, now)).toBe(true);
    expect(row(id)).toMatchObject({ status: "retrying", attempts: 1, nextAttemptAt: now + 60_000, leaseExpiresAt: null });
    const [again] = claimDueEmails(second, { businessId, limit: 1, now: now + 60_000, ...lease });
    expect(again.attempt).toBe(2);
    finishAttempt(second, again, { status: "sent", messageId: "<m@acme.test>" }, now + 61_000);
    expect(row(id)).toMatchObject({ status: "sent", attempts: 2, messageId: "<m@acme.test>", failure: null });
    const log = first.select().from(emailAttempts).where(eq(emailAttempts.emailId, id)).all();
    expect(log.map((a) => [a.number, a.outcome])).toEqual([
      [1, "retrying"],
      [2, "sent"],
    ]);
    expect(JSON.parse(log[0].failure!).raw).toBe("421 busy");
  });
});

describe("leases", () => {
  it("a live lease is left alone: another process does not mark it interrupted", () => {
    const [id] = queue(1);
    claimDueEmails(first, { businessId, limit: 1, now, ...lease });
    expect(interruptExpiredLeases(second, now)).toEqual([]);
    expect(row(id).status).toBe("sending");
  });

  it("an expired lease (by the database clock) makes the email interrupted, whatever the app clock says", () => {
    const [id] = queue(1);
    const [claim] = claimDueEmails(first, { businessId, limit: 1, now, leaseMs: -1_000 });
    expect(interruptExpiredLeases(second, 0)).toEqual([id]);
    expect(row(id).status).toBe("interrupted");
    expect(renewLease(first, claim, 60_000)).toBe(false);
    const [attempt] = first.select().from(emailAttempts).where(eq(emailAttempts.emailId, id)).all();
    expect(attempt.outcome).toBe("interrupted");
  });

  it("renewing keeps the claim alive", () => {
    const [id] = queue(1);
    const [claim] = claimDueEmails(first, { businessId, limit: 1, now, leaseMs: -1_000 });
    expect(renewLease(first, claim, 60_000)).toBe(true);
    expect(interruptExpiredLeases(second, now)).toEqual([]);
    expect(row(id).status).toBe("sending");
  });

  it("a late result after an expired lease is recorded when no newer attempt began", () => {
    const [id] = queue(1);
    const [claim] = claimDueEmails(first, { businessId, limit: 1, now, leaseMs: -1_000 });
    interruptExpiredLeases(second, now);
    expect(finishAttempt(first, claim, { status: "sent", messageId: "<late@acme.test>" }, now)).toBe(true);
    expect(row(id).status).toBe("sent");
  });

  it("a late result from a process whose lease was taken over is not recorded over the newer attempt", () => {
    const [id] = queue(1);
    const [stale] = claimDueEmails(first, { businessId, limit: 1, now, leaseMs: -1_000 });
    interruptExpiredLeases(second, now);
    expect(retryEmailNow(second, businessId, id, now)).toBe(true);
    const [fresh] = claimDueEmails(second, { businessId, limit: 1, now, ...lease });
    expect(fresh.attemptToken).not.toBe(stale.attemptToken);
    expect(finishAttempt(first, stale, { status: "failed", failure: { stage: "message", code: "connection_lost", raw: "" } }, now)).toBe(false);
    expect(row(id)).toMatchObject({ status: "sending", attempts: 2 });
    expect(finishAttempt(second, fresh, { status: "sent", messageId: "<fresh@acme.test>" }, now)).toBe(true);
    expect(row(id)).toMatchObject({ status: "sent", messageId: "<fresh@acme.test>" });
  });
});

describe("Retry now and Cancel", () => {
  it("Retry now makes a retrying email due at once; Cancel stops a waiting one but not one being sent", () => {
    const [waitingId, sendingId] = queue(2);
    const claims = claimDueEmails(first, { businessId, limit: 2, now, ...lease });
    finishAttempt(first, claims.find((c) => c.emailId === waitingId)!, { status: "retrying", failure: { stage: "envelope", code: "unknown", raw: "", responseCode: 421 }, nextAttemptAt: now + 3_600_000 }, now);
    expect(retryEmailNow(first, businessId, waitingId, now + 5)).toBe(true);
    expect(row(waitingId)).toMatchObject({ status: "queued", nextAttemptAt: now + 5 });
    expect(cancelEmail(first, businessId, waitingId, now + 6)).toBe(true);
    expect(row(waitingId).status).toBe("cancelled");
    expect(cancelEmail(first, businessId, sendingId, now + 6)).toBe(false);
    expect(retryEmailNow(first, businessId, sendingId, now + 6)).toBe(false);
    expect(cancelEmail(first, businessId + 1, waitingId, now)).toBe(false);
  });

  it("another business cannot retry or cancel", () => {
    const [id] = queue(1);
    expect(cancelEmail(first, businessId + 1, id, now)).toBe(false);
    expect(row(id).status).toBe("queued");
  });
});
