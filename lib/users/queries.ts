import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { isConstraintError } from "@/db/errors";
import { users } from "@/db/schema";
import type { UserRole } from "@/lib/auth/roles";
import type { Locale } from "@/lib/i18n/locale";

export function hasAnyUser(): boolean {
  return Boolean(getDb().select({ one: sql`1` }).from(users).limit(1).get());
}

/** This business's users, by name, with whether each may still sign in. */
export function listUsers({ businessId }: { businessId: number }) {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.businessId, businessId))
    .orderBy(asc(users.name))
    .all();
}

export type AddUserResult = { ok: true; id: number } | { ok: false; problem: "email_taken" };

/** Sign-in addresses are unique across all businesses: a taken one is refused, never overwritten. */
export function addUser({
  businessId,
  name,
  email,
  role,
  passwordHash,
}: {
  businessId: number;
  name: string;
  email: string;
  role: UserRole;
  passwordHash: string;
}): AddUserResult {
  try {
    const row = getDb().insert(users).values({ businessId, name, email, role, passwordHash }).returning({ id: users.id }).get();
    return { ok: true, id: row.id };
  } catch (error) {
    // Two admins adding the same person at once: the unique index decides, the loser is told.
    if (isConstraintError(error, "UNIQUE")) return { ok: false, problem: "email_taken" };
    throw error;
  }
}

/** Whether an address is already someone's sign-in (checked before the costly password hash). */
export function isEmailTaken({ email }: { email: string }): boolean {
  return Boolean(getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get());
}

export function setUserLocale({ userId, locale }: { userId: number; locale: Locale }): void {
  getDb().update(users).set({ locale }).where(eq(users.id, userId)).run();
}
