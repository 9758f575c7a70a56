"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/action";
import { updateBusiness } from "@/lib/businesses/queries";
import { businessSchema } from "@/lib/validation/auth";

export const saveBusinessDetails = adminAction(businessSchema, async (values, user) => {
  updateBusiness({ businessId: user.businessId, values });
  revalidatePath("/", "layout");
  return { ok: true, data: undefined };
});
