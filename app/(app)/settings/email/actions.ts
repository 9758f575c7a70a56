"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/action";
import { blockedDestinationErrors } from "@/lib/net/destination-check";
import { saveEmailSettings, savedPasswordFor } from "@/lib/mail/settings-store";
import { emailSettingsSchema } from "@/lib/validation/email-settings";

export const saveEmailSettingsAction = adminAction(
  (user) => emailSettingsSchema({ savedPassword: savedPasswordFor(user.businessId) }),
  async (values, user) => {
    const blocked = await blockedDestinationErrors(values);
    if (blocked) return { ok: false, error: "invalid", fieldErrors: blocked };
    saveEmailSettings(user.businessId, values);
    revalidatePath("/", "layout");
    return { ok: true, data: undefined };
  },
);
