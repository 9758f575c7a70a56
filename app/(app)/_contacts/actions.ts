"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/auth/action";
import { contactKindInfo, contactKinds } from "@/lib/contacts/kinds";
import { createContact, deleteContact, updateContact } from "@/lib/contacts/queries";
import { contactSchema } from "@/lib/validation/contact";

const kind = z.enum(contactKinds);
const id = z.number().int().positive();

export const createContactAction = userAction(contactSchema.extend({ kind }), async ({ kind, ...values }, user) => {
  const contactId = createContact({ businessId: user.businessId, kind, values });
  revalidatePath(contactKindInfo[kind].basePath);
  return { ok: true, data: { id: contactId } };
});

export const updateContactAction = userAction(contactSchema.extend({ kind, id }), async ({ kind, id, ...values }, user) => {
  if (!updateContact({ businessId: user.businessId, kind, id, values })) return { ok: false, error: "not_found" };
  revalidatePath(contactKindInfo[kind].basePath, "layout");
  return { ok: true, data: undefined };
});

export const deleteContactAction = userAction(z.object({ kind, id }), async ({ kind, id }, user) => {
  const outcome = deleteContact({ businessId: user.businessId, kind, id });
  if (outcome === "not_found") return { ok: false, error: "not_found" };
  // Say why instead of failing: documents keep their contact.
  if (outcome === "has_documents") return { ok: false, error: "conflict", fieldErrors: { _form: "contacts.errors.hasDocuments" } };
  revalidatePath(contactKindInfo[kind].basePath, "layout");
  return { ok: true, data: undefined };
});
