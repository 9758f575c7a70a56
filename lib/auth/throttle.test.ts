import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { signInFailures } from "@/db/schema";
import { accountDelayMs, beginSignInAttempt, purgeStaleThrottleRows, signInSucceeded, THROTTLE_RULES } from "./throttle";

let db: Db;
beforeAll(async () => {
  process.env.DATABASE_PATH = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-throttle-")), "test.db");
  db = (await import("@/db/client")).getDb();
});

const minutes = (n: number) => n * 60_000;
const allowed = (attempt: ReturnType<typeof beginSignInAttempt>) => !attempt.locked;

describe("sign-in throttling", () => {
  it("locks one address after five failures on an account, for 15 minutes, without locking the account elsewhere", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) expect(allowed(beginSignInAttempt(db, "a@x.test", "10.0.0.1", t0 + i))).toBe(true);
    const sixth = beginSignInAttempt(db, "A@X.test ", "10.0.0.1", t0 + 10);
    expect(sixth.locked && sixth.waitMs).toBeGreaterThan(minutes(14));
    expect(allowed(beginSignInAttempt(db, "a@x.test", "10.0.0.2", t0 + 11))).toBe(true);
    expect(allowed(beginSignInAttempt(db, "a@x.test", "10.0.0.1", t0 + minutes(15) + 10))).toBe(true);
  });

  it("slows an account failing from many addresses with a growing delay capped at 30 s, never locking it", () => {
    const now = 3_000_000;
    const delays = Array.from({ length: 40 }, (_, i) => {
      const attempt = beginSignInAttempt(db, "target@x.test", `10.9.0.${i}`, now + i);
      expect(attempt.locked).toBe(false);
      return attempt.locked ? -1 : attempt.delayMs;
    });
    expect(delays.slice(0, THROTTLE_RULES.account.slowAfter)).toEqual([0, 0, 0, 0, 0]);
    expect(delays[5]).toBe(1_000);
    expect(delays[6]).toBe(2_000);
    expect(delays.every((d, i) => i === 0 || d >= delays[i - 1])).toBe(true);
    expect(Math.max(...delays)).toBe(30_000);
    expect(accountDelayMs(10_000)).toBe(30_000);
  });

  it("counts attempts before the password check, so a burst from one address cannot exceed the limit", () => {
    const now = 5_000_000;
    const answers = Array.from({ length: 100 }, () => beginSignInAttempt(db, "burst@x.test", "10.1.0.1", now));
    expect(answers.filter(allowed)).toHaveLength(THROTTLE_RULES.pair.maxFailures);
  });

  it("a success clears its pair and does not count against the address", () => {
    const now = 9_000_000;
    for (let i = 0; i < 4; i++) beginSignInAttempt(db, "ok@x.test", "10.2.0.1", now);
    signInSucceeded(db, "ok@x.test", "10.2.0.1");
    for (let i = 0; i < 4; i++) expect(allowed(beginSignInAttempt(db, "ok@x.test", "10.2.0.1", now))).toBe(true);
    // 25 people signing in successfully from one office address never lock it.
    for (let i = 0; i < 25; i++) {
      expect(allowed(beginSignInAttempt(db, `person${i}@office.test`, "10.3.0.1", now))).toBe(true);
      signInSucceeded(db, `person${i}@office.test`, "10.3.0.1");
    }
  });

  it("locks an address that fails on many accounts, without locking other addresses", () => {
    const now = 20_000_000;
    for (let i = 0; i < THROTTLE_RULES.ip.maxFailures; i++) beginSignInAttempt(db, `spray${i}@x.test`, "10.4.0.1", now);
    expect(beginSignInAttempt(db, "fresh@x.test", "10.4.0.1", now).locked).toBe(true);
    expect(allowed(beginSignInAttempt(db, "fresh@x.test", "10.4.0.2", now))).toBe(true);
  });

  it("purges rows whose window and lock are over", () => {
    const now = 40_000_000;
    for (let i = 0; i < 6; i++) beginSignInAttempt(db, "old@x.test", "10.5.0.1", now);
    const keys = () => db.select({ key: signInFailures.key }).from(signInFailures).all().map((r) => r.key);
    expect(keys()).toContain("pair:old@x.test|10.5.0.1");
    purgeStaleThrottleRows(db, now + minutes(10));
    expect(keys()).toContain("pair:old@x.test|10.5.0.1");
    purgeStaleThrottleRows(db, now + minutes(16));
    expect(keys().filter((k) => k.includes("old@x.test") || k.includes("10.5.0.1"))).toEqual([]);
  });
});
