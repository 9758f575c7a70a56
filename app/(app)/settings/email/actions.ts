"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/action";
import { hasSavedPassword, saveEmailSettings } from "@/lib/mail/settings";
import { emailSettingsSchema } from "@/lib/validation/email-settings";

export const saveEmailSettingsAction = adminAction(
  (user) => emailSettingsSchema({ hasSavedPassword: hasSavedPassword(user.businessId) }),
  async (values, user) => {
    saveEmailSettings(user.businessId, values);
    revalidatePath("/", "layout");
    return { ok: true, data: undefined };
  },
);
