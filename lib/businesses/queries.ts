import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { businesses, businessLogos, users } from "@/db/schema";
import type { BusinessValues } from "@/lib/validation/business";
import type { Currency } from "./currencies";
import type { LogoContentType } from "./logo-format";

export type BusinessRow = typeof businesses.$inferSelect;

export interface BusinessLogo {
  contentType: LogoContentType;
  content: Buffer;
}

export function getBusiness({ businessId }: { businessId: number }): BusinessRow | null {
  return getDb().select().from(businesses).where(eq(businesses.id, businessId)).get() ?? null;
}

/** The business's currency and default tax rate: what every amount is shown in and new lines start with. */
export function getDocumentDefaults({ businessId }: { businessId: number }): { currency: string; defaultTaxRate: string } {
  return (
    getDb()
      .select({ currency: businesses.currency, defaultTaxRate: businesses.defaultTaxRate })
      .from(businesses)
      .where(eq(businesses.id, businessId))
      .get() ?? { currency: "EUR", defaultTaxRate: "" }
  );
}

export function hasBusinessLogo({ businessId }: { businessId: number }): boolean {
  return !!getDb().select({ one: sql`1` }).from(businessLogos).where(eq(businessLogos.businessId, businessId)).get();
}

export function getBusinessLogo({ businessId }: { businessId: number }): BusinessLogo | null {
  const row = getDb()
    .select({ contentType: businessLogos.contentType, content: businessLogos.content })
    .from(businessLogos)
    .where(eq(businessLogos.businessId, businessId))
    .get();
  return row ? { contentType: row.contentType as LogoContentType, content: row.content } : null;
}

/** Saves the details; a new logo replaces the saved one, removeLogo deletes it, neither keeps it. */
export function updateBusiness({ businessId, values }: { businessId: number; values: BusinessValues }): void {
  const { logo, removeLogo, ...details } = values;
  getDb().transaction((tx) => {
    tx.update(businesses).set(details).where(eq(businesses.id, businessId)).run();
    if (logo) {
      const row = { contentType: logo.contentType, content: Buffer.from(logo.content), updatedAt: new Date() };
      tx.insert(businessLogos)
        .values({ businessId, ...row })
        .onConflictDoUpdate({ target: businessLogos.businessId, set: row })
        .run();
    } else if (removeLogo) {
      tx.delete(businessLogos).where(eq(businessLogos.businessId, businessId)).run();
    }
  });
}

/**
 * First run: the business and its first administrator, created together. Null when any user
 * already exists: the check and the inserts share one write transaction, so two racing setups
 * cannot both win.
 */
export function createBusinessWithAdmin({
  businessName,
  currency,
  admin,
}: {
  businessName: string;
  currency: Currency;
  admin: { name: string; email: string; passwordHash: string };
}): { businessId: number; userId: number } | null {
  return getDb().transaction(
    (tx) => {
      if (tx.select({ one: sql`1` }).from(users).limit(1).get()) return null;
      const business = tx
        .insert(businesses)
        .values({ name: businessName, email: admin.email, currency })
        .returning({ id: businesses.id })
        .get();
      const user = tx.insert(users).values({ ...admin, businessId: business.id, role: "admin" }).returning({ id: users.id }).get();
      return { businessId: business.id, userId: user.id };
    },
    { behavior: "immediate" },
  );
}
