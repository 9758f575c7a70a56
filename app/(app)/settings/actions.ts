"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { businesses } from "@/db/schema";
import { adminAction } from "@/lib/auth/action";
import { businessSchema } from "@/lib/validation/auth";

export const saveBusinessDetails = adminAction(businessSchema, async (input, user) => {
  getDb().update(businesses).set(input).where(eq(businesses.id, user.businessId)).run();
  revalidatePath("/", "layout");
  return { ok: true, data: undefined };
});
