"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
import { resetEmailTemplate, saveEmailTemplate } from "@/lib/documents/email-content";
import { documentTypes } from "@/lib/documents/types";
import { emailTemplateSchema } from "@/lib/validation/email-template";

export const saveEmailTemplateAction = adminAction(emailTemplateSchema, async ({ documentType, subject, body }, user) => {
  saveEmailTemplate(user.businessId, documentType, { subject, body });
  revalidatePath("/settings/templates");
  return { ok: true, data: undefined };
});

export const resetEmailTemplateAction = adminAction(z.object({ documentType: z.enum(documentTypes) }), async ({ documentType }, user) => {
  resetEmailTemplate(user.businessId, documentType);
  revalidatePath("/settings/templates");
  return { ok: true, data: undefined };
});
