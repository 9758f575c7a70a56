"use server";

import { and, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { isConstraintError } from "@/db/errors";
import { contactKinds, contacts } from "@/db/schema";
import { userAction } from "@/lib/auth/action";
import { contactKindInfo } from "@/lib/contacts/kinds";
import { documentCountFor, findContact } from "@/lib/contacts/queries";
import { contactSchema } from "@/lib/validation/contact";

const kind = z.enum(contactKinds);
const id = z.number().int().positive();

export const createContact = userAction(contactSchema.extend({ kind }), async ({ kind, ...values }, user) => {
  const row = getDb()
    .insert(contacts)
    .values({ ...values, kind, businessId: user.businessId })
    .returning({ id: contacts.id })
    .get();
  revalidatePath(contactKindInfo[kind].basePath);
  return { ok: true, data: { id: row.id } };
});

export const updateContact = userAction(contactSchema.extend({ kind, id }), async ({ kind, id, ...values }, user) => {
  const result = getDb()
    .update(contacts)
    .set(values)
    .where(and(eq(contacts.id, id), eq(contacts.businessId, user.businessId), eq(contacts.kind, kind)))
    .run();
  if (result.changes === 0) return { ok: false, error: "not_found" };
  revalidatePath(contactKindInfo[kind].basePath, "layout");
  return { ok: true, data: undefined };
});

const hasDocuments = { ok: false as const, error: "conflict" as const, fieldErrors: { _form: "contacts.errors.hasDocuments" } };

export const deleteContact = userAction(z.object({ kind, id }), async ({ kind, id }, user) => {
  const contact = findContact(user.businessId, kind, id);
  if (!contact) return { ok: false, error: "not_found" };
  // Documents keep their contact (the foreign key restricts); say so instead of failing.
  if (documentCountFor(contact.id) > 0) return hasDocuments;
  try {
    getDb().delete(contacts).where(and(eq(contacts.id, contact.id), eq(contacts.businessId, user.businessId))).run();
  } catch (error) {
    if (isConstraintError(error, "FOREIGNKEY")) return hasDocuments;
    throw error;
  }
  revalidatePath(contactKindInfo[kind].basePath, "layout");
  return { ok: true, data: undefined };
});
