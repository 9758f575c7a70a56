import "server-only";
import crypto from "node:crypto";
import { and, count, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { emails, passwordResetTokens, users } from "@/db/schema";
import type { UserRole } from "@/lib/auth/roles";
import { hashPassword } from "@/lib/auth/password";

export const RESET_LINK_LIFETIME_MS = 60 * 60 * 1000;

export type LifecycleRefusal = "not_found" | "last_admin" | "has_history" | "self";
export type LifecycleResult = { ok: true; email: string } | { ok: false; reason: LifecycleRefusal };

type UserRow = typeof users.$inferSelect;
// Reads work the same on the connection and inside a transaction.
type Reader = Pick<Db, "select">;

function findUser(db: Reader, businessId: number, userId: number): UserRow | undefined {
  return db.select().from(users).where(and(eq(users.id, userId), eq(users.businessId, businessId))).get();
}

/** Other admins who can still sign in: without one, nobody could manage the business. */
function otherActiveAdmins(db: Reader, businessId: number, userId: number): number {
  return (
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.businessId, businessId), eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, userId)))
      .get()?.n ?? 0
  );
}

const bumpSessions = { sessionVersion: sql`${users.sessionVersion} + 1` };

/** Disabling ends the user's sessions at once and refuses their sign-in; everything they did stays. */
// The lifecycle changes read (the user, the other admins) before they write: immediate
// transactions, so the last-admin check holds and another process's write is waited for.
export function setUserDisabled({ businessId, userId, disabled, now = new Date() }: { businessId: number; userId: number; disabled: boolean; now?: Date }): LifecycleResult {
  const db = getDb();
  return db.transaction((tx) => {
    const user = findUser(tx, businessId, userId);
    if (!user) return { ok: false, reason: "not_found" };
    if (disabled && user.role === "admin" && otherActiveAdmins(tx, businessId, userId) === 0) return { ok: false, reason: "last_admin" };
    tx.update(users)
      .set(disabled ? { disabledAt: now, ...bumpSessions } : { disabledAt: null })
      .where(eq(users.id, userId))
      .run();
    return { ok: true, email: user.email };
  }, { behavior: "immediate" });
}

export function changeUserRole({ businessId, userId, role }: { businessId: number; userId: number; role: UserRole }): LifecycleResult {
  const db = getDb();
  return db.transaction((tx) => {
    const user = findUser(tx, businessId, userId);
    if (!user) return { ok: false, reason: "not_found" };
    if (user.role === "admin" && role !== "admin" && otherActiveAdmins(tx, businessId, userId) === 0) {
      return { ok: false, reason: "last_admin" };
    }
    tx.update(users).set({ role }).where(eq(users.id, userId)).run();
    return { ok: true, email: user.email };
  }, { behavior: "immediate" });
}

/** Only a user who never sent an email can be deleted; anyone else is disabled instead. */
export function deleteUserWithoutHistory({ businessId, userId, actingUserId }: { businessId: number; userId: number; actingUserId: number }): LifecycleResult {
  const db = getDb();
  return db.transaction((tx) => {
    const user = findUser(tx, businessId, userId);
    if (!user) return { ok: false, reason: "not_found" };
    if (user.id === actingUserId) return { ok: false, reason: "self" };
    if (user.role === "admin" && otherActiveAdmins(tx, businessId, userId) === 0) return { ok: false, reason: "last_admin" };
    if (tx.select({ id: emails.id }).from(emails).where(eq(emails.userId, userId)).limit(1).get()) return { ok: false, reason: "has_history" };
    tx.delete(users).where(eq(users.id, userId)).run();
    return { ok: true, email: user.email };
  }, { behavior: "immediate" });
}

export function signOutEverywhere({ businessId, userId }: { businessId: number; userId: number }): LifecycleResult {
  const db = getDb();
  const user = findUser(db, businessId, userId);
  if (!user) return { ok: false, reason: "not_found" };
  db.update(users).set(bumpSessions).where(eq(users.id, userId)).run();
  return { ok: true, email: user.email };
}

/** A temporary password: the user's sessions end, and they must choose their own next time. */
export async function setTemporaryPassword({ businessId, userId, password }: { businessId: number; userId: number; password: string }): Promise<LifecycleResult> {
  const db = getDb();
  const user = findUser(db, businessId, userId);
  if (!user) return { ok: false, reason: "not_found" };
  const passwordHash = await hashPassword(password);
  db.update(users).set({ passwordHash, mustChangePassword: true, ...bumpSessions }).where(eq(users.id, userId)).run();
  return { ok: true, email: user.email };
}

/** The user's own new password (after checking the current one, or redeeming a reset link). */
export async function replacePassword({ userId, password }: { userId: number; password: string }): Promise<void> {
  const db = getDb();
  const passwordHash = await hashPassword(password);
  db.update(users).set({ passwordHash, mustChangePassword: false, ...bumpSessions }).where(eq(users.id, userId)).run();
}

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** A single-use reset token for the link; only its hash is stored. Earlier unused links stop working. */
export function createPasswordResetToken({ userId, now = Date.now() }: { userId: number; now?: number }): string {
  const db = getDb();
  const token = crypto.randomBytes(32).toString("base64url");
  db.transaction((tx) => {
    tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId)).run();
    tx.insert(passwordResetTokens).values({ tokenHash: hashToken(token), userId, expiresAt: new Date(now + RESET_LINK_LIFETIME_MS) }).run();
  });
  return token;
}

/** The account a reset token opens, if it is unused, unexpired and its user not disabled. */
export function peekPasswordResetToken({ token, now = Date.now() }: { token: string; now?: number }): { userId: number; email: string } | null {
  const row = getDb()
    .select({ userId: users.id, email: users.email, disabledAt: users.disabledAt })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(and(eq(passwordResetTokens.tokenHash, hashToken(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, new Date(now))))
    .get();
  return row && !row.disabledAt ? { userId: row.userId, email: row.email } : null;
}

/** Uses the token up (one caller wins even when two arrive at once) and sets the new password. */
export async function redeemPasswordResetToken({
  token,
  password,
  now = Date.now(),
}: {
  token: string;
  password: string;
  now?: number;
}): Promise<{ userId: number; email: string; businessId: number } | null> {
  const db = getDb();
  const owner = peekPasswordResetToken({ token, now });
  if (!owner) return null;
  const claimed = db
    .update(passwordResetTokens)
    .set({ usedAt: new Date(now) })
    .where(and(eq(passwordResetTokens.tokenHash, hashToken(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, new Date(now))))
    .run();
  if (claimed.changes !== 1) return null;
  await replacePassword({ userId: owner.userId, password });
  const user = db.select({ businessId: users.businessId }).from(users).where(eq(users.id, owner.userId)).get();
  return user ? { ...owner, businessId: user.businessId } : null;
}

/** A user of this business, for the user page (no password hash). */
export function findBusinessUser({ businessId, userId }: { businessId: number; userId: number }) {
  const user = findUser(getDb(), businessId, userId);
  if (!user) return null;
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}
