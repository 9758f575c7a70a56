"use server";

import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { businesses, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { hasAnyUser } from "@/lib/auth/users";
import { fieldErrorsOf, type ActionResult } from "@/lib/validation/action-result";
import { setupSchema } from "@/lib/validation/auth";

/** Creates the business and its first administrator; refused once any user exists. */
export async function createFirstAdmin(input: unknown): Promise<ActionResult> {
  // Public endpoint: once set up, refuse before doing any work (hashing is deliberately costly).
  if (hasAnyUser()) return { ok: false, error: "forbidden" };
  const parsed = setupSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { businessName, name, email, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  const db = getDb();
  // The emptiness check and the inserts share one write transaction, so two racing setups cannot both win.
  const created = db.transaction(
    (tx) => {
      if (tx.select({ one: sql`1` }).from(users).limit(1).get()) return false;
      const business = tx.insert(businesses).values({ name: businessName, email }).returning().get();
      tx.insert(users).values({ businessId: business.id, name, email, passwordHash, role: "admin" }).run();
      return true;
    },
    { behavior: "immediate" },
  );
  return created ? { ok: true, data: undefined } : { ok: false, error: "forbidden" };
}
