import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { businesses, users } from "@/db/schema";
import type { BusinessValues } from "@/lib/validation/auth";

export type BusinessRow = typeof businesses.$inferSelect;

export function getBusiness({ businessId }: { businessId: number }): BusinessRow | null {
  return getDb().select().from(businesses).where(eq(businesses.id, businessId)).get() ?? null;
}

export function updateBusiness({ businessId, values }: { businessId: number; values: BusinessValues }): void {
  getDb().update(businesses).set(values).where(eq(businesses.id, businessId)).run();
}

/**
 * First run: the business and its first administrator, created together. Null when any user
 * already exists: the check and the inserts share one write transaction, so two racing setups
 * cannot both win.
 */
export function createBusinessWithAdmin({
  businessName,
  admin,
}: {
  businessName: string;
  admin: { name: string; email: string; passwordHash: string };
}): { businessId: number; userId: number } | null {
  return getDb().transaction(
    (tx) => {
      if (tx.select({ one: sql`1` }).from(users).limit(1).get()) return null;
      const business = tx.insert(businesses).values({ name: businessName, email: admin.email }).returning({ id: businesses.id }).get();
      const user = tx.insert(users).values({ ...admin, businessId: business.id, role: "admin" }).returning({ id: users.id }).get();
      return { businessId: business.id, userId: user.id };
    },
    { behavior: "immediate" },
  );
}
