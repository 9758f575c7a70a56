import { describe, expect, it } from "vitest";
import { decideRetry, isTransient, MAX_ATTEMPTS, RETRY_DELAYS_MS } from "./retry-policy";

const minute = 60_000;
const busy = { stage: "envelope" as const, code: "unknown" as const, responseCode: 421 };

describe("which failures are retried", () => {
  it("retries busy and rate-limited SMTP servers, dropped connections and time-outs", () => {
    for (const responseCode of [421, 432, 450, 451, 452, 454]) expect(isTransient({ stage: "envelope", code: "unknown", responseCode })).toBe(true);
    for (const code of ["connection_refused", "connection_timeout", "greeting_timeout", "connection_lost", "timeout", "http_unreachable"] as const) {
      expect(isTransient({ stage: "connect", code })).toBe(true);
    }
    expect(isTransient({ stage: "envelope", code: "connection_lost" })).toBe(true);
  });

  it("never retries by itself a message whose connection died after it was handed over: it may have arrived", () => {
    expect(isTransient({ stage: "message", code: "connection_lost" })).toBe(false);
    expect(isTransient({ stage: "message", code: "timeout" })).toBe(false);
    expect(isTransient({ stage: "message", code: "http_status", httpStatus: 503 })).toBe(true);
  });

  it("retries HTTP 429, 503 and other 5xx, as Graph, Gmail and relays send them", () => {
    for (const httpStatus of [408, 429, 500, 502, 503, 504]) expect(isTransient({ stage: "message", code: "http_status", httpStatus })).toBe(true);
  });

  it("fails at once on SMTP 5xx, authentication, a refused recipient, a size limit, an HTTP 4xx such as an invalid grant", () => {
    expect(isTransient({ stage: "envelope", code: "recipient_refused", responseCode: 550 })).toBe(false);
    expect(isTransient({ stage: "login", code: "auth_failed", responseCode: 535 })).toBe(false);
    expect(isTransient({ stage: "message", code: "message_too_large", responseCode: 552 })).toBe(false);
    expect(isTransient({ stage: "login", code: "auth_failed" })).toBe(false);
    expect(isTransient({ stage: "tls", code: "cert_untrusted" })).toBe(false);
    expect(isTransient({ stage: "message", code: "http_status", httpStatus: 400 })).toBe(false);
    expect(isTransient({ stage: "message", code: "http_status", httpStatus: 403 })).toBe(false);
  });
});

describe("the backoff schedule", () => {
  it("waits about 1 min, 5 min, 30 min, 2 h and 6 h, then gives up after the sixth attempt", () => {
    const now = 1_000_000;
    const waits = [1, 2, 3, 4, 5].map((attempt) => {
      const decision = decideRetry(busy, attempt, now, () => 0.5);
      if (decision.status !== "retrying") throw new Error("expected a retry");
      return decision.nextAttemptAt - now;
    });
    expect(waits).toEqual([...RETRY_DELAYS_MS]);
    expect(waits).toEqual([minute, 5 * minute, 30 * minute, 120 * minute, 360 * minute]);
    expect(MAX_ATTEMPTS).toBe(6);
    expect(decideRetry(busy, 6, now)).toEqual({ status: "failed" });
  });

  it("adds up to ±10 % jitter, so failures at the same moment come back spread out", () => {
    const low = decideRetry(busy, 1, 0, () => 0);
    const high = decideRetry(busy, 1, 0, () => 0.999);
    expect(low).toEqual({ status: "retrying", nextAttemptAt: 54_000 });
    expect(high.status === "retrying" && high.nextAttemptAt).toBeGreaterThan(65_900);
  });

  it("honours the server's Retry-After instead of the schedule", () => {
    expect(decideRetry({ stage: "message", code: "http_status", httpStatus: 503, retryAfter: 2 }, 1, 0, () => 0)).toEqual({ status: "retrying", nextAttemptAt: 2_000 });
    expect(decideRetry({ stage: "message", code: "http_status", httpStatus: 429, retryAfter: 3 * 86_400 }, 2, 0, () => 0)).toEqual({
      status: "retrying",
      nextAttemptAt: RETRY_DELAYS_MS[4],
    });
  });

  it("fails a permanent error on the first attempt", () => {
    expect(decideRetry({ stage: "envelope", code: "recipient_refused", responseCode: 550 }, 1, 0)).toEqual({ status: "failed" });
  });
});
