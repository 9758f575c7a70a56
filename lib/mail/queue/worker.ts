import "server-only";
import type { Db } from "@/db/client";
import type { MailFailure } from "../types";
import { businessesWithDueEmails, claimDueEmails, finishAttempt, interruptExpiredLeases, nextDueAt, renewLease, type AttemptResult, type Claim } from "./claims";
import { createRateLimiter } from "./rate-limit";
import { decideRetry, type RetryableFailure } from "./retry-policy";

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export type DeliveryOutcome = { ok: true; messageId: string } | { ok: false; failure: MailFailure & RetryableFailure };

export interface OutboxWorkerOptions {
  db: Db;
  /** Sends one claimed email with the settings in force now. */
  deliver(claim: Claim): Promise<DeliveryOutcome>;
  /** Emails per minute allowed for a business; null = unlimited. */
  ratePerMinute(businessId: number): number | null;
  clock?: Clock;
  /** Sends in flight at once in this process. */
  concurrency?: number;
  /** How long a claim holds without renewal; renewed every third of it while the send runs. */
  leaseMs?: number;
  /** How often to look for work queued by another process and for expired leases. */
  pollMs?: number;
  random?: () => number;
  onFinished?(claim: Claim, result: AttemptResult, recorded: boolean): void;
}

export interface OutboxWorker {
  /** Look for due work now (after an email was queued in this process). */
  wake(): void;
  /** Runs until nothing is due at the clock's now and nothing is in flight (tests move the clock between calls). */
  runUntilIdle(): Promise<void>;
  start(): void;
  /** Stops claiming; resolves when the sends in flight have been recorded. */
  stop(): Promise<void>;
}

export const WORKER_DEFAULTS = { concurrency: 4, leaseMs: 60_000, pollMs: 1_000 } as const;

const unexpected = (error: unknown): DeliveryOutcome => ({
  ok: false,
  failure: { stage: "message", code: "unknown", raw: error instanceof Error ? error.message : String(error) },
});

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db } = options;
  const clock = options.clock ?? systemClock;
  const concurrency = options.concurrency ?? WORKER_DEFAULTS.concurrency;
  const leaseMs = options.leaseMs ?? WORKER_DEFAULTS.leaseMs;
  const pollMs = options.pollMs ?? WORKER_DEFAULTS.pollMs;
  const limiter = createRateLimiter();
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  let ticking: Promise<number> | undefined;
  let wakeAgain = false;
  let nextLeaseCheckAt = -Infinity;

  async function send(claim: Claim): Promise<void> {
    const heartbeat = setInterval(() => renewLease(db, claim, leaseMs), Math.max(10, Math.floor(leaseMs / 3)));
    let outcome: DeliveryOutcome;
    try {
      outcome = await options.deliver(claim).catch(unexpected);
    } finally {
      clearInterval(heartbeat);
    }
    const now = clock.now();
    let result: AttemptResult;
    if (outcome.ok) result = { status: "sent", messageId: outcome.messageId };
    else {
      const decision = decideRetry(outcome.failure, claim.attempt, now, options.random);
      result = decision.status === "retrying" ? { status: "retrying", failure: outcome.failure, nextAttemptAt: decision.nextAttemptAt } : { status: "failed", failure: outcome.failure };
    }
    const recorded = finishAttempt(db, claim, result, now);
    options.onFinished?.(claim, result, recorded);
  }

  /** One pass: expire dead leases, then claim what is due within the free slots and each business's rate. Returns how many it started. */
  function claimOnce(): number {
    const now = clock.now();
    // Dead senders are looked for once a poll, not at every send's end.
    if (now >= nextLeaseCheckAt) {
      interruptExpiredLeases(db, now);
      nextLeaseCheckAt = now + pollMs;
    }
    if (inFlight.size >= concurrency) return 0;
    let started = 0;
    for (const businessId of businessesWithDueEmails(db, now)) {
      const free = concurrency - inFlight.size;
      if (free <= 0) break;
      const limit = Math.min(free, limiter.available(businessId, options.ratePerMinute(businessId), now));
      for (const claim of claimDueEmails(db, { businessId, limit, now, leaseMs })) {
        limiter.record(businessId, now);
        const job = send(claim).finally(() => {
          inFlight.delete(job);
          if (running) schedule(0);
        });
        inFlight.add(job);
        started++;
      }
    }
    return started;
  }

  async function tick(): Promise<number> {
    if (ticking) {
      wakeAgain = true;
      return ticking;
    }
    ticking = Promise.resolve().then(() => {
      try {
        return claimOnce();
      } catch (error) {
        // A busy database or a transient error: the next poll tries again.
        console.error("[mailroom] outbox: could not claim emails:", error instanceof Error ? error.message : error);
        return 0;
      }
    });
    try {
      return await ticking;
    } finally {
      ticking = undefined;
      if (running) {
        if (wakeAgain) schedule(0);
        else schedule(untilNextCheck());
      }
      wakeAgain = false;
    }
  }

  /** Until the next email falls due, at most pollMs. One already due but not claimed (no free slot, or over the rate) waits for a send to finish or the next poll. */
  function untilNextCheck(): number {
    const due = nextDueAt(db);
    const wait = due === null ? pollMs : due - clock.now();
    return wait > 0 ? Math.min(pollMs, wait) : pollMs;
  }

  function schedule(ms: number) {
    clearTimeout(timer);
    clearImmediate(immediate);
    // "Now" runs after the current I/O callbacks rather than after setTimeout's 1 ms minimum.
    if (ms <= 0) immediate = setImmediate(() => void tick());
    else {
      timer = setTimeout(() => void tick(), ms);
      timer.unref?.();
    }
  }

  return {
    wake() {
      if (running) schedule(0);
    },
    async runUntilIdle() {
      for (;;) {
        const started = await tick();
        if (!started && !inFlight.size) return;
        if (inFlight.size) await Promise.race(inFlight);
      }
    },
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      clearImmediate(immediate);
      await Promise.allSettled([...inFlight]);
    },
  };
}
