import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, lte, lt, min, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedOn, setArgument } from "@/db/prepared";
import { emailAttempts, emails } from "@/db/schema";
import type { MailFailure } from "../types";

// The queue's SQL, prepared once per connection (the worker runs it for every email). Every
// statement is one portable UPDATE … RETURNING: on PostgreSQL the claim's subquery gains
// FOR UPDATE SKIP LOCKED and dbNow becomes extract(epoch from now()) * 1000.

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

const due = sql.placeholder("now");

const dueBusinessesStatement = (db: Db) =>
  db
    .selectDistinct({ businessId: emails.businessId })
    .from(emails)
    .where(and(inArray(emails.status, waiting), lte(emails.nextAttemptAt, due)))
    .prepare();

/** Businesses with emails due by `now` (the app clock, so tests can move it). */
export function businessesWithDueEmails(db: Db, now: number): number[] {
  return preparedOn(db, dueBusinessesStatement)
    .all({ now })
    .map((row) => row.businessId);
}

const nextDueStatement = (db: Db) =>
  db
    .select({ at: min(emails.nextAttemptAt) })
    .from(emails)
    .where(inArray(emails.status, waiting))
    .prepare();

/** When the next waiting email falls due, or null when none waits. */
export function nextDueAt(db: Db): number | null {
  return preparedOn(db, nextDueStatement).get()?.at ?? null;
}

const claimStatement = (db: Db) => {
  const dueIds = db
    .select({ id: emails.id })
    .from(emails)
    .where(and(eq(emails.businessId, sql.placeholder("businessId")), inArray(emails.status, waiting), lte(emails.nextAttemptAt, due)))
    .orderBy(asc(emails.nextAttemptAt), asc(emails.id))
    .limit(sql.placeholder("limit"));
  return db
    .update(emails)
    .set({
      status: "sending",
      attempts: sql`${emails.attempts} + 1`,
      attemptToken: sql`${sql.placeholder("token")} || '/' || ${emails.id}`,
      leaseExpiresAt: sql`${dbNow} + ${sql.placeholder("leaseMs")}`,
      nextAttemptAt: null,
      updatedAt: setArgument("at"),
    })
    .where(and(inArray(emails.id, dueIds), inArray(emails.status, waiting)))
    .returning({ emailId: emails.id, businessId: emails.businessId, attemptToken: emails.attemptToken, attempt: emails.attempts })
    .prepare();
};

const attemptStartStatement = (db: Db) =>
  db
    .insert(emailAttempts)
    .values({ emailId: sql.placeholder("emailId"), number: sql.placeholder("number"), startedAt: sql.placeholder("startedAt") })
    .onConflictDoNothing()
    .prepare();

/**
 * Claims up to `limit` due emails of one business in one statement: they become "sending" with a
 * fresh attempt token and a lease of `leaseMs` by the database clock. A row another process
 * claimed first no longer matches the WHERE, so two processes never share an email.
 */
export function claimDueEmails(db: Db, options: { businessId: number; limit: number; now: number; leaseMs: number }): Claim[] {
  if (options.limit < 1) return [];
  const token = randomUUID();
  return db.transaction(
    () => {
      const claimed = preparedOn(db, claimStatement).all({
        businessId: options.businessId,
        now: options.now,
        limit: options.limit,
        token,
        leaseMs: options.leaseMs,
        at: options.now,
      });
      const startedAt = new Date(options.now);
      for (const claim of claimed) preparedOn(db, attemptStartStatement).run({ emailId: claim.emailId, number: claim.attempt, startedAt });
      return claimed.map((claim) => ({ ...claim, attemptToken: claim.attemptToken! }));
    },
    { behavior: "immediate" },
  );
}

const renewStatement = (db: Db) =>
  db
    .update(emails)
    .set({ leaseExpiresAt: sql`${dbNow} + ${sql.placeholder("leaseMs")}` })
    .where(and(eq(emails.id, sql.placeholder("emailId")), eq(emails.attemptToken, sql.placeholder("token")), eq(emails.status, "sending")))
    .prepare();

/** Extends a claim while its send runs; false when the claim was lost (the lease expired and was taken over). */
export function renewLease(db: Db, claim: Claim, leaseMs: number): boolean {
  return preparedOn(db, renewStatement).run({ leaseMs, emailId: claim.emailId, token: claim.attemptToken }).changes === 1;
}

export type AttemptResult =
  | { status: "sent"; messageId: string }
  | { status: "retrying"; failure: MailFailure; nextAttemptAt: number }
  | { status: "failed"; failure: MailFailure };

const latestAttempt = and(eq(emails.id, sql.placeholder("emailId")), eq(emails.attemptToken, sql.placeholder("token")), inArray(emails.status, ["sending", "interrupted"]));

const sentStatement = (db: Db) =>
  db
    .update(emails)
    .set({ status: "sent", failure: null, messageId: setArgument("messageId"), sentAt: setArgument("at"), nextAttemptAt: null, leaseExpiresAt: null, updatedAt: setArgument("at") })
    .where(latestAttempt)
    .prepare();

const unsentStatement = (db: Db) =>
  db
    .update(emails)
    .set({ status: setArgument("status"), failure: setArgument("failure"), nextAttemptAt: setArgument("nextAttemptAt"), leaseExpiresAt: null, updatedAt: setArgument("at") })
    .where(latestAttempt)
    .prepare();

const attemptEndStatement = (db: Db) =>
  db
    .update(emailAttempts)
    .set({ finishedAt: setArgument("at"), outcome: setArgument("outcome"), failure: setArgument("failure") })
    .where(and(eq(emailAttempts.emailId, sql.placeholder("emailId")), eq(emailAttempts.number, sql.placeholder("number"))))
    .prepare();

/**
 * Records how an attempt ended, only while the attempt is still the email's latest one (same
 * token). A process whose lease expired may still report: it is recorded if nobody started a
 * newer attempt, and dropped if somebody did.
 */
export function finishAttempt(db: Db, claim: Claim, result: AttemptResult, now: number): boolean {
  const failure = result.status === "sent" ? null : JSON.stringify(result.failure);
  const attempt = { emailId: claim.emailId, token: claim.attemptToken, at: now };
  return db.transaction(
    () => {
      const updated =
        result.status === "sent"
          ? preparedOn(db, sentStatement).run({ ...attempt, messageId: result.messageId }).changes
          : preparedOn(db, unsentStatement).run({ ...attempt, status: result.status, failure, nextAttemptAt: result.status === "retrying" ? result.nextAttemptAt : null }).changes;
      if (updated !== 1) return false;
      preparedOn(db, attemptEndStatement).run({ at: now, outcome: result.status, failure, emailId: claim.emailId, number: claim.attempt });
      return true;
    },
    { behavior: "immediate" },
  );
}

const interruptStatement = (db: Db) =>
  db
    .update(emails)
    .set({ status: "interrupted", leaseExpiresAt: null, updatedAt: setArgument("at") })
    .where(and(eq(emails.status, "sending"), isNotNull(emails.leaseExpiresAt), lt(emails.leaseExpiresAt, dbNow)))
    .returning({ id: emails.id, attempt: emails.attempts })
    .prepare();

/**
 * Emails whose sender stopped renewing its lease (it crashed or was killed) become "interrupted":
 * they may have left, so a person decides. Only expired leases count, never every "sending" row,
 * which another live process may be sending right now.
 */
export function interruptExpiredLeases(db: Db, now: number): number[] {
  return db.transaction(
    () => {
      const rows = preparedOn(db, interruptStatement).all({ at: now });
      for (const row of rows) {
        preparedOn(db, attemptEndStatement).run({ at: now, outcome: "interrupted", failure: null, emailId: row.id, number: row.attempt });
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
