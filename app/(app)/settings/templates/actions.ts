"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordActivity } from "@/lib/activity/log";
import { adminAction } from "@/lib/auth/action";
import { requestIp } from "@/lib/auth/request-ip";
import { resetEmailTemplate, saveEmailTemplate } from "@/lib/documents/email-content";
import { documentTypes } from "@/lib/documents/types";
import { emailTemplateSchema } from "@/lib/validation/email-template";

export const saveEmailTemplateAction = adminAction(emailTemplateSchema, async ({ documentType, subject, body }, user) => {
  saveEmailTemplate(user.businessId, documentType, { subject, body });
  recordActivity({ businessId: user.businessId, kind: "template_saved", actor: user, subject: documentType, ipAddress: await requestIp() });
  revalidatePath("/settings/templates");
  return { ok: true, data: undefined };
});

export const resetEmailTemplateAction = adminAction(z.object({ documentType: z.enum(documentTypes) }), async ({ documentType }, user) => {
  resetEmailTemplate(user.businessId, documentType);
  recordActivity({ businessId: user.businessId, kind: "template_reset", actor: user, subject: documentType, ipAddress: await requestIp() });
  revalidatePath("/settings/templates");
  return { ok: true, data: undefined };
});
