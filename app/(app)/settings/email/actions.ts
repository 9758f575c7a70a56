"use server";

import { revalidatePath } from "next/cache";
import { recordActivity, settingsSummary } from "@/lib/activity/log";
import { adminAction } from "@/lib/auth/action";
import { requestIp } from "@/lib/auth/request-ip";
import { blockedDestinationErrors } from "@/lib/net/destination-check";
import { emailSettingsSchemaContext, readEmailSettings, saveEmailSettings } from "@/lib/mail/settings-store";
import { emailSettingsSchema } from "@/lib/validation/email-settings";

export const saveEmailSettingsAction = adminAction(
  (user) => emailSettingsSchema(emailSettingsSchemaContext(readEmailSettings(user.businessId))),
  async (values, user) => {
    const blocked = await blockedDestinationErrors(values);
    if (blocked) return { ok: false, error: "invalid", fieldErrors: blocked };
    saveEmailSettings(user.businessId, values);
    recordActivity({ businessId: user.businessId, kind: "email_settings_saved", actor: user, subject: settingsSummary(values), ipAddress: await requestIp() });
    revalidatePath("/", "layout");
    return { ok: true, data: undefined };
  },
);
