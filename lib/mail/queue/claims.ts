import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, lte, lt, min, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailAttempts, emails } from "@/db/schema";
import type { MailFailure } from "../types";

// The queue's SQL. Every statement is one portable UPDATE … RETURNING: on PostgreSQL the claim's
// subquery gains FOR UPDATE SKIP LOCKED and dbNow becomes extract(epoch from now()) * 1000.

/** The database's clock in ms: leases are compared with it, so app servers with skewed clocks agree. */
const dbNow = sql<number>`cast(unixepoch('subsec') * 1000 as integer)`;

const waiting = ["queued", "retrying"] as const;

export interface Claim {
  emailId: number;
  businessId: number;
  attemptToken: string;
  /** 1 for the first attempt. */
  attempt: number;
}

/** Businesses with emails due by `now` (the app clock, so tests can move it). */
export function businessesWithDueEmails(db: Db, now: number): number[] {
  return db
    .selectDistinct({ businessId: emails.businessId })
    .from(emails)
    .where(and(inArray(emails.status, waiting), lte(emails.nextAttemptAt, now)))
    .all()
    .map((row) => row.businessId);
}

/** When the next waiting email falls due, or null when none waits. */
export function nextDueAt(db: Db): number | null {
  return db.select({ at: min(emails.nextAttemptAt) }).from(emails).where(inArray(emails.status, waiting)).get()?.at ?? null;
}

/**
 * Claims up to `limit` due emails of one business in one statement: they become "sending" with a
 * fresh attempt token and a lease of `leaseMs` by the database clock. A row another process
 * claimed first no longer matches the WHERE, so two processes never share an email.
 */
export function claimDueEmails(db: Db, options: { businessId: number; limit: number; now: number; leaseMs: number }): Claim[] {
  if (options.limit < 1) return [];
  const token = randomUUID();
  return db.transaction(
    (tx) => {
      const due = tx
        .select({ id: emails.id })
        .from(emails)
        .where(and(eq(emails.businessId, options.businessId), inArray(emails.status, waiting), lte(emails.nextAttemptAt, options.now)))
        .orderBy(asc(emails.nextAttemptAt), asc(emails.id))
        .limit(options.limit);
      const claimed = tx
        .update(emails)
        .set({
          status: "sending",
          attempts: sql`${emails.attempts} + 1`,
          attemptToken: sql`${token} || '/' || ${emails.id}`,
          leaseExpiresAt: sql`${dbNow} + ${options.leaseMs}`,
          nextAttemptAt: null,
          updatedAt: new Date(options.now),
        })
        .where(and(inArray(emails.id, due), inArray(emails.status, waiting)))
        .returning({ emailId: emails.id, businessId: emails.businessId, attemptToken: emails.attemptToken, attempt: emails.attempts })
        .all();
      for (const claim of claimed) {
        tx.insert(emailAttempts).values({ emailId: claim.emailId, number: claim.attempt, startedAt: new Date(options.now) }).onConflictDoNothing().run();
      }
      return claimed.map((claim) => ({ ...claim, attemptToken: claim.attemptToken! }));
    },
    { behavior: "immediate" },
  );
}

/** Extends a claim while its send runs; false when the claim was lost (the lease expired and was taken over). */
export function renewLease(db: Db, claim: Claim, leaseMs: number): boolean {
  return (
    db
      .update(emails)
      .set({ leaseExpiresAt: sql`${dbNow} + ${leaseMs}` })
      .where(and(eq(emails.id, claim.emailId), eq(emails.attemptToken, claim.attemptToken), eq(emails.status, "sending")))
      .run().changes === 1
  );
}

export type AttemptResult =
  | { status: "sent"; messageId: string }
  | { status: "retrying"; failure: MailFailure; nextAttemptAt: number }
  | { status: "failed"; failure: MailFailure };

/**
 * Records how an attempt ended, only while the attempt is still the email's latest one (same
 * token). A process whose lease expired may still report: it is recorded if nobody started a
 * newer attempt, and dropped if somebody did.
 */
export function finishAttempt(db: Db, claim: Claim, result: AttemptResult, now: number): boolean {
  const at = new Date(now);
  const failure = result.status === "sent" ? null : JSON.stringify(result.failure);
  return db.transaction(
    (tx) => {
      const updated = tx
        .update(emails)
        .set({
          status: result.status,
          failure,
          messageId: result.status === "sent" ? result.messageId : undefined,
          sentAt: result.status === "sent" ? at : undefined,
          nextAttemptAt: result.status === "retrying" ? result.nextAttemptAt : null,
          leaseExpiresAt: null,
          updatedAt: at,
        })
        .where(and(eq(emails.id, claim.emailId), eq(emails.attemptToken, claim.attemptToken), inArray(emails.status, ["sending", "interrupted"])))
        .run().changes;
      if (updated !== 1) return false;
      tx.update(emailAttempts)
        .set({ finishedAt: at, outcome: result.status, failure })
        .where(and(eq(emailAttempts.emailId, claim.emailId), eq(emailAttempts.number, claim.attempt)))
        .run();
      return true;
    },
    { behavior: "immediate" },
  );
}

/**
 * Emails whose sender stopped renewing its lease (it crashed or was killed) become "interrupted":
 * they may have left, so a person decides. Only expired leases count, never every "sending" row,
 * which another live process may be sending right now.
 */
export function interruptExpiredLeases(db: Db, now: number): number[] {
  return db.transaction(
    (tx) => {
      const rows = tx
        .update(emails)
        .set({ status: "interrupted", leaseExpiresAt: null, updatedAt: new Date(now) })
        .where(and(eq(emails.status, "sending"), isNotNull(emails.leaseExpiresAt), lt(emails.leaseExpiresAt, dbNow)))
        .returning({ id: emails.id, attempt: emails.attempts })
        .all();
      for (const row of rows) {
        tx.update(emailAttempts)
          .set({ finishedAt: new Date(now), outcome: "interrupted" })
          .where(and(eq(emailAttempts.emailId, row.id), eq(emailAttempts.number, row.attempt)))
          .run();
      }
      return rows.map((row) => row.id);
    },
    { behavior: "immediate" },
  );
}

/** Puts an email in the queue again, due now: a waiting one jumps its backoff; a failed or interrupted one gets one more attempt. */
export function retryEmailNow(db: Db, businessId: number, emailId: number, now: number): boolean {
  return (
    db
      .update(emails)
      .set({ status: "queued", nextAttemptAt: now, updatedAt: new Date(now) })
      .where(and(eq(emails.id, emailId), eq(emails.businessId, businessId), inArray(emails.status, ["retrying", "failed", "interrupted"])))
      .run().changes === 1
  );
}

/** Stops a waiting email from being sent; one already being sent cannot be called back. */
export function cancelEmail(db: Db, businessId: number, emailId: number, now: number): boolean {
  return (
    db
      .update(emails)
      .set({ status: "cancelled", nextAttemptAt: null, updatedAt: new Date(now) })
      .where(and(eq(emails.id, emailId), eq(emails.businessId, businessId), inArray(emails.status, waiting)))
      .run().changes === 1
  );
}
