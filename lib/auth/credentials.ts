import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { verifyPassword } from "./password";

/** Whether this is the user's current password (for changing it). */
export async function verifyUserPassword(userId: number, password: string): Promise<boolean> {
  const row = getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  return row ? verifyPassword(password, row.hash) : false;
}
