import "server-only";
import { and, eq, inArray, lt, or, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInFailures } from "@/db/schema";

// Locks are per (account, address) and per address, so a stranger elsewhere cannot lock the
// owner out. The account as a whole is only slowed down, which blunts guessing spread over
// many addresses while the owner, at their own address, still gets in.
export const THROTTLE_RULES = {
  pair: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  account: { slowAfter: 5, windowMs: 15 * 60_000, firstDelayMs: 1_000, maxDelayMs: 30_000 },
} as const;

type Kind = keyof typeof THROTTLE_RULES;

function keysFor(email: string, ip: string): Record<Kind, string> {
  const account = email.trim().toLowerCase();
  return { pair: `pair:${account}|${ip}`, ip: `ip:${ip}`, account: `account:${account}` };
}

/** Doubles with every failure past the free ones, up to the cap. */
export function accountDelayMs(failures: number): number {
  const { slowAfter, firstDelayMs, maxDelayMs } = THROTTLE_RULES.account;
  if (failures < slowAfter) return 0;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(failures - slowAfter, 16));
}

export type SignInAttempt = { locked: true; waitMs: number } | { locked: false; delayMs: number };

const PURGE_EVERY_MS = 60_000;
let lastPurge = 0;

/** Rows whose window and lock are both over say nothing any more. */
export function purgeStaleThrottleRows(db: Db, now = Date.now()): void {
  const windowMs = Math.max(...Object.values(THROTTLE_RULES).map((rule) => rule.windowMs));
  db.delete(signInFailures)
    .where(
      and(
        lt(signInFailures.windowStartedAt, now - windowMs),
        or(isNull(signInFailures.lockedUntil), lt(signInFailures.lockedUntil, now)),
      ),
    )
    .run();
}

/**
 * Counts a sign-in attempt before its password is checked (synchronously, in one transaction),
 * so a burst of parallel guesses cannot all pass the check before any failure is recorded.
 * A locked pair or address is refused without counting; otherwise the answer says how long to
 * hold the reply back because the account has been failing.
 */
export function beginSignInAttempt(db: Db, email: string, ip: string, now = Date.now()): SignInAttempt {
  if (now - lastPurge > PURGE_EVERY_MS) {
    lastPurge = now;
    purgeStaleThrottleRows(db, now);
  }
  const keys = keysFor(email, ip);
  // Immediate: the counts are read, then written back, by one sign-in at a time.
  return db.transaction((tx) => {
    const rows = tx.select().from(signInFailures).where(inArray(signInFailures.key, Object.values(keys))).all();
    const waitMs = rows.reduce((max, row) => Math.max(max, (row.lockedUntil ?? 0) - now), 0);
    if (waitMs > 0) return { locked: true, waitMs };
    let accountFailures = 0;
    for (const kind of Object.keys(keys) as Kind[]) {
      const rule = THROTTLE_RULES[kind];
      const row = rows.find((r) => r.key === keys[kind]);
      const fresh = !row || now - row.windowStartedAt > rule.windowMs;
      if (kind === "account") accountFailures = fresh ? 0 : row.count;
      const count = fresh ? 1 : row.count + 1;
      const values = {
        count,
        windowStartedAt: fresh ? now : row.windowStartedAt,
        lockedUntil: "lockMs" in rule && count >= rule.maxFailures ? now + rule.lockMs : null,
      };
      tx.insert(signInFailures).values({ key: keys[kind], ...values }).onConflictDoUpdate({ target: signInFailures.key, set: values }).run();
    }
    return { locked: false, delayMs: accountDelayMs(accountFailures) };
  }, { behavior: "immediate" });
}

/**
 * A successful sign-in clears its own pair and takes its attempt off the address's and the
 * account's counts (the account keeps counting failures from elsewhere).
 */
export function signInSucceeded(db: Db, email: string, ip: string): void {
  const keys = keysFor(email, ip);
  db.transaction((tx) => {
    tx.delete(signInFailures).where(eq(signInFailures.key, keys.pair)).run();
    tx.update(signInFailures)
      .set({ count: sql`max(${signInFailures.count} - 1, 0)`, lockedUntil: null })
      .where(eq(signInFailures.key, keys.ip))
      .run();
    tx.update(signInFailures)
      .set({ count: sql`max(${signInFailures.count} - 1, 0)` })
      .where(eq(signInFailures.key, keys.account))
      .run();
  });
}
