import "server-only";
import { getDb } from "@/db/client";
import { sendRatePerMinute } from "../providers";
import { readEmailSettings } from "../settings-store";
import { deliverQueuedEmail } from "./deliver";
import type { AttemptResult } from "./claims";
import { createOutboxWorker, WORKER_DEFAULTS, type Clock, type OutboxWorker } from "./worker";

// The app process's one worker, kept on globalThis so dev hot reloads do not start another.
const globalForWorker = globalThis as unknown as { mailroomOutboxWorker?: OutboxWorker };

/** The lease length; MAILROOM_OUTBOX_LEASE_SECONDS shortens it (the crash tests use a few seconds). */
function leaseMs(): number {
  const seconds = Number(process.env.MAILROOM_OUTBOX_LEASE_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : WORKER_DEFAULTS.leaseMs;
}

export function ratePerMinuteFor(businessId: number): number | null {
  const { fields } = readEmailSettings(businessId);
  if (!fields) return null;
  return fields.protocol === "smtp" ? sendRatePerMinute(fields.smtpHost, fields.sendRatePerMinute) : fields.sendRatePerMinute;
}

type AttemptListener = (emailId: number, status: AttemptResult["status"]) => void;
const attemptListeners = new Set<AttemptListener>();

/** Hears of every attempt this process's worker finishes, once it is recorded (the bench waits on it); returns the unsubscribe. */
export function onAttemptFinished(listener: AttemptListener): () => void {
  attemptListeners.add(listener);
  return () => attemptListeners.delete(listener);
}

/** Builds a worker over the app's database; tests pass their own clock. */
export function createAppOutboxWorker(options: { clock?: Clock; random?: () => number } = {}): OutboxWorker {
  const db = getDb();
  return createOutboxWorker({
    db,
    deliver: (claim) => deliverQueuedEmail(db, claim),
    ratePerMinute: ratePerMinuteFor,
    leaseMs: leaseMs(),
    onFinished: (claim, result) => {
      for (const listener of attemptListeners) listener(claim.emailId, result.status);
    },
    ...options,
  });
}

/** Starts draining the outbox in this process (from instrumentation.ts). */
export function startOutboxWorker(): OutboxWorker {
  globalForWorker.mailroomOutboxWorker ??= createAppOutboxWorker();
  globalForWorker.mailroomOutboxWorker.start();
  return globalForWorker.mailroomOutboxWorker;
}

/** An email was queued in this process: start on it now rather than at the next poll. */
export function wakeOutboxWorker(): void {
  globalForWorker.mailroomOutboxWorker?.wake();
}
