import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { beginSignInAttempt, signInSucceeded, THROTTLE_RULES } from "./throttle";

let db: Db;
beforeAll(async () => {
  process.env.DATABASE_PATH = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-throttle-")), "test.db");
  db = (await import("@/db/client")).getDb();
});

const minutes = (n: number) => n * 60_000;

describe("sign-in throttling", () => {
  it("allows five attempts on an account, refuses the sixth for 15 minutes, then allows again", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) expect(beginSignInAttempt(db, "a@x.test", "10.0.0.1", t0 + i)).toBe(0);
    expect(beginSignInAttempt(db, "A@X.test ", "10.0.0.2", t0 + 10)).toBeGreaterThan(minutes(14));
    expect(beginSignInAttempt(db, "a@x.test", "10.0.0.3", t0 + minutes(15) + 10)).toBe(0);
  });

  it("counts attempts before the password check, so a burst cannot exceed the limit", () => {
    const now = 5_000_000;
    const answers = Array.from({ length: 100 }, () => beginSignInAttempt(db, "burst@x.test", "10.1.0.1", now));
    expect(answers.filter((wait) => wait === 0)).toHaveLength(THROTTLE_RULES.account.maxFailures);
  });

  it("a success clears the account and does not count against the address", () => {
    const now = 9_000_000;
    for (let i = 0; i < 4; i++) beginSignInAttempt(db, "ok@x.test", "10.2.0.1", now);
    signInSucceeded(db, "ok@x.test", "10.2.0.1");
    for (let i = 0; i < 4; i++) expect(beginSignInAttempt(db, "ok@x.test", "10.2.0.1", now)).toBe(0);
    // 25 people signing in successfully from one office address never lock it.
    for (let i = 0; i < 25; i++) {
      expect(beginSignInAttempt(db, `person${i}@office.test`, "10.3.0.1", now)).toBe(0);
      signInSucceeded(db, `person${i}@office.test`, "10.3.0.1");
    }
  });

  it("locks an address that fails on many accounts, without locking other addresses", () => {
    const now = 20_000_000;
    for (let i = 0; i < THROTTLE_RULES.ip.maxFailures; i++) beginSignInAttempt(db, `spray${i}@x.test`, "10.4.0.1", now);
    expect(beginSignInAttempt(db, "fresh@x.test", "10.4.0.1", now)).toBeGreaterThan(0);
    expect(beginSignInAttempt(db, "fresh@x.test", "10.4.0.2", now)).toBe(0);
  });
});
