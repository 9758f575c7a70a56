import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { businesses, users } from "@/db/schema";
import { isAdmin, type UserRole } from "./roles";
import { authOptions } from "./options";

export interface CurrentUser {
  id: number;
  name: string;
  email: string;
  role: UserRole;
  locale: string | null;
  businessId: number;
  businessName: string;
  /** A temporary password is in use: nothing but /change-password until it is replaced. */
  mustChangePassword: boolean;
}

/**
 * The signed-in user as the database knows them now: a deleted or disabled user, or a token from
 * before the user last signed out, has no session. (A token past its absolute lifetime never
 * gets here: the jwt callback in ./options refuses it.) Includes a user who must first replace
 * a temporary password: only the change-password page and action use this directly.
 */
export const sessionUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const claims = session?.user as { id?: string; sessionVersion?: number } | undefined;
  const id = Number(claims?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const row = getDb()
    .select({
      sessionVersion: users.sessionVersion,
      disabledAt: users.disabledAt,
      mustChangePassword: users.mustChangePassword,
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      locale: users.locale,
      businessId: users.businessId,
      businessName: businesses.name,
    })
    .from(users)
    .innerJoin(businesses, eq(businesses.id, users.businessId))
    .where(eq(users.id, id))
    .get();
  if (!row || row.disabledAt || row.sessionVersion !== (claims?.sessionVersion ?? 0)) return null;
  const { sessionVersion: _version, disabledAt: _disabled, ...user } = row;
  return user;
});

/** The signed-in user for every page, action and route handler: nobody with a temporary password. */
export async function currentUser(): Promise<CurrentUser | null> {
  const user = await sessionUser();
  return user && !user.mustChangePassword ? user : null;
}

/** For pages: sends anonymous visitors to sign in, and a temporary password to be replaced. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await sessionUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword) redirect("/change-password");
  return user;
}

/** For pages: staff get a 403 page. */
export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (!isAdmin(user)) forbidden();
  return user;
}
