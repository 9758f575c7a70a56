import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { businesses, users } from "@/db/schema";
import type { UserRole } from "./roles";
import { authOptions } from "./options";

export interface CurrentUser {
  id: number;
  name: string;
  email: string;
  role: UserRole;
  locale: string | null;
  businessId: number;
  businessName: string;
}

/** The signed-in user as the database knows them now (a deleted user has no session). */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = Number((session?.user as { id?: string } | undefined)?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const row = getDb()
    .select({
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
  return row ?? null;
});

/** For pages: sends anonymous visitors to sign in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages: staff get a 403 page. */
export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== "admin") forbidden();
  return user;
}
