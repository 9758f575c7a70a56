import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInFailures } from "@/db/schema";

// Per account: 5 failures within 15 minutes lock it for 15 minutes. Per IP the bar is higher,
// so one office behind a shared address is not locked out by one person's typos.
export const THROTTLE_RULES = {
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

type Kind = keyof typeof THROTTLE_RULES;

function keysFor(email: string, ip: string): Record<Kind, string> {
  return { account: `account:${email.trim().toLowerCase()}`, ip: `ip:${ip}` };
}

/** Milliseconds until sign-in may be tried again, or 0 when it may be tried now. */
export function lockedForMs(db: Db, email: string, ip: string, now = Date.now()): number {
  const keys = Object.values(keysFor(email, ip));
  const rows = db.select().from(signInFailures).where(inArray(signInFailures.key, keys)).all();
  return rows.reduce((max, row) => Math.max(max, (row.lockedUntil ?? 0) - now), 0);
}

export function recordFailure(db: Db, email: string, ip: string, now = Date.now()): void {
  const keys = keysFor(email, ip);
  db.transaction((tx) => {
    for (const kind of Object.keys(keys) as Kind[]) {
      const rule = THROTTLE_RULES[kind];
      const key = keys[kind];
      const row = tx.select().from(signInFailures).where(eq(signInFailures.key, key)).get();
      const fresh = !row || now - row.windowStartedAt > rule.windowMs;
      const count = fresh ? 1 : row.count + 1;
      const lockedUntil = count >= rule.maxFailures ? now + rule.lockMs : (fresh ? null : row.lockedUntil);
      tx.insert(signInFailures)
        .values({ key, count, windowStartedAt: fresh ? now : row.windowStartedAt, lockedUntil })
        .onConflictDoUpdate({
          target: signInFailures.key,
          set: { count, windowStartedAt: fresh ? now : row.windowStartedAt, lockedUntil },
        })
        .run();
    }
  });
}

/** A successful sign-in clears the account's counter (not the IP's: that one protects others). */
export function clearAccountFailures(db: Db, email: string): void {
  db.delete(signInFailures).where(eq(signInFailures.key, keysFor(email, "").account)).run();
}
