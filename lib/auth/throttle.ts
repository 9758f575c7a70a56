import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInFailures } from "@/db/schema";

// Per account: 5 attempts within 15 minutes without a success lock it for 15 minutes. Per IP the
// bar is higher, so one office behind a shared address is not locked out by one person's typos.
export const THROTTLE_RULES = {
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

type Kind = keyof typeof THROTTLE_RULES;

function keysFor(email: string, ip: string): Record<Kind, string> {
  return { account: `account:${email.trim().toLowerCase()}`, ip: `ip:${ip}` };
}

/**
 * Counts a sign-in attempt before its password is checked (synchronously, in one transaction),
 * so a burst of parallel guesses cannot all pass the check before any failure is recorded.
 * Returns how many milliseconds to wait when the account or address is locked (not counted then).
 */
export function beginSignInAttempt(db: Db, email: string, ip: string, now = Date.now()): number {
  const keys = keysFor(email, ip);
  return db.transaction((tx) => {
    const rows = tx.select().from(signInFailures).where(inArray(signInFailures.key, Object.values(keys))).all();
    const waitMs = rows.reduce((max, row) => Math.max(max, (row.lockedUntil ?? 0) - now), 0);
    if (waitMs > 0) return waitMs;
    for (const kind of Object.keys(keys) as Kind[]) {
      const rule = THROTTLE_RULES[kind];
      const row = rows.find((r) => r.key === keys[kind]);
      const fresh = !row || now - row.windowStartedAt > rule.windowMs;
      const count = fresh ? 1 : row.count + 1;
      const values = {
        count,
        windowStartedAt: fresh ? now : row.windowStartedAt,
        lockedUntil: count >= rule.maxFailures ? now + rule.lockMs : null,
      };
      tx.insert(signInFailures).values({ key: keys[kind], ...values }).onConflictDoUpdate({ target: signInFailures.key, set: values }).run();
    }
    return 0;
  });
}

/** A successful sign-in clears the account's count and takes its attempt off the address's count. */
export function signInSucceeded(db: Db, email: string, ip: string): void {
  const keys = keysFor(email, ip);
  db.transaction((tx) => {
    tx.delete(signInFailures).where(eq(signInFailures.key, keys.account)).run();
    tx.update(signInFailures)
      .set({ count: sql`max(${signInFailures.count} - 1, 0)`, lockedUntil: null })
      .where(eq(signInFailures.key, keys.ip))
      .run();
  });
}
