// When a failed attempt is tried again: transient failures back off (≈1 min, 5 min, 30 min,
// 2 h, 6 h, then failed), permanent ones fail at once. Pure, so the schedule is unit-tested.
import type { MailFailure } from "../types";

export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000] as const;
/** The first attempt plus one per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** Spread of the random jitter around each delay, so a burst of failures does not come back as a burst. */
const JITTER = 0.1;

/** What the retry decision reads of a failure; transports of every kind fill these generically. */
export type RetryableFailure = Pick<MailFailure, "code" | "stage"> & {
  responseCode?: number;
  httpStatus?: number;
  /** Seconds the server asked us to wait (HTTP Retry-After), when it said. */
  retryAfter?: number;
};

/** Failures that say nothing about the message or the account: the network, or a server that is busy right now. */
const TRANSIENT_CODES = new Set<string>([
  "connection_refused",
  "connection_timeout",
  "network_unreachable",
  "greeting_timeout",
  "connection_lost",
  "timeout",
  "http_unreachable",
]);

/** The connection died after the message was handed over: it may have arrived, so only a person may send it again. */
function mayHaveLeft(failure: RetryableFailure): boolean {
  return failure.stage === "message" && (failure.code === "connection_lost" || failure.code === "timeout");
}

/**
 * SMTP 4xx (421 busy, 451/452 local trouble, 454 and 432 rate or concurrency limits), HTTP 408,
 * 429 and 5xx, dropped connections and time-outs are transient. SMTP 5xx, authentication,
 * refused senders or recipients, size limits and any other HTTP 4xx (an invalid grant) are not.
 */
export function isTransient(failure: RetryableFailure): boolean {
  if (mayHaveLeft(failure)) return false;
  if (failure.responseCode !== undefined) return failure.responseCode >= 400 && failure.responseCode < 500;
  if (failure.httpStatus !== undefined) return failure.httpStatus === 408 || failure.httpStatus === 429 || failure.httpStatus >= 500;
  return TRANSIENT_CODES.has(failure.code);
}

export type RetryDecision = { status: "retrying"; nextAttemptAt: number } | { status: "failed" };

/** After attempt number `attempt` (1-based) failed at `now`: when to try again, if at all. */
export function decideRetry(failure: RetryableFailure, attempt: number, now: number, random: () => number = Math.random): RetryDecision {
  if (!isTransient(failure) || attempt >= MAX_ATTEMPTS) return { status: "failed" };
  const backoff = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length) - 1];
  // The server's own Retry-After wins (bounded by the longest delay); only later, never earlier.
  if (failure.retryAfter !== undefined) {
    const wait = Math.min(Math.max(failure.retryAfter * 1000, 0), RETRY_DELAYS_MS[RETRY_DELAYS_MS.length - 1]);
    return { status: "retrying", nextAttemptAt: now + Math.round(wait * (1 + JITTER * random())) };
  }
  return { status: "retrying", nextAttemptAt: now + Math.round(backoff * (1 - JITTER + 2 * JITTER * random())) };
}

