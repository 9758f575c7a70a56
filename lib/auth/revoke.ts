import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";

/**
 * Ends every session of this user: tokens carry the session version, so older ones stop being
 * accepted. With `ifVersion`, only when that is still current (a stale copy cannot sign anyone out).
 */
export function endSessions(userId: number, ifVersion?: number): void {
  getDb()
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(ifVersion === undefined ? eq(users.id, userId) : and(eq(users.id, userId), eq(users.sessionVersion, ifVersion)))
    .run();
}

/** Whether a token's user still exists with that session version (not signed out since). */
export function sessionIsCurrent(userId: number, version: number): boolean {
  const row = getDb().select({ version: users.sessionVersion }).from(users).where(eq(users.id, userId)).get();
  return row?.version === version;
}
