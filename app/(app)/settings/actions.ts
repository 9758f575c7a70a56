"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/action";
import { updateBusiness } from "@/lib/businesses/queries";
import { isPrintableLogo } from "@/lib/pdf/logo";
import { businessSchema } from "@/lib/validation/business";

export const saveBusinessDetails = adminAction(businessSchema, async (values, user) => {
  // The schema checked the signature; this checks the whole image decodes, so PDFs keep working.
  if (values.logo && !isPrintableLogo(Buffer.from(values.logo.content))) {
    return { ok: false, error: "invalid", fieldErrors: { logo: "validation.logoType" } };
  }
  updateBusiness({ businessId: user.businessId, values });
  revalidatePath("/", "layout");
  return { ok: true, data: undefined };
});
