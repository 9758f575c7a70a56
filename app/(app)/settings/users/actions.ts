"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { isConstraintError } from "@/db/errors";
import { users } from "@/db/schema";
import { adminAction } from "@/lib/auth/action";
import { hashPassword } from "@/lib/auth/password";
import { newUserSchema } from "@/lib/validation/auth";

const emailTaken = { ok: false, error: "conflict", fieldErrors: { email: "settings.users.emailTaken" } } as const;

export const addUser = adminAction(newUserSchema, async (input, admin) => {
  const db = getDb();
  if (db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) return emailTaken;
  const passwordHash = await hashPassword(input.password);
  try {
    db.insert(users)
      .values({ businessId: admin.businessId, name: input.name, email: input.email, role: input.role, passwordHash })
      .run();
  } catch (error) {
    // Two admins adding the same person at once: the unique index decides, the loser is told.
    if (isConstraintError(error, "UNIQUE")) return emailTaken;
    throw error;
  }
  revalidatePath("/settings/users");
  return { ok: true, data: undefined };
});
