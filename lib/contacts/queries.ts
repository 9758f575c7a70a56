import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { isConstraintError } from "@/db/errors";
import { contacts, documents, type ContactKind } from "@/db/schema";
import type { ContactValues } from "@/lib/validation/contact";

export type ContactRow = typeof contacts.$inferSelect;

/** This business's contacts of one kind, by name, each with how many documents use it. */
export function listContacts(businessId: number, kind: ContactKind) {
  return getDb()
    .select({ id: contacts.id, name: contacts.name, emails: contacts.emails, documentCount: count(documents.id) })
    .from(contacts)
    .leftJoin(documents, eq(documents.contactId, contacts.id))
    .where(and(eq(contacts.businessId, businessId), eq(contacts.kind, kind)))
    .groupBy(contacts.id)
    .orderBy(asc(contacts.name), asc(contacts.id))
    .all();
}

/** Names and ids for a document's contact select. */
export function contactChoices(businessId: number, kind: ContactKind) {
  return getDb()
    .select({ id: contacts.id, name: contacts.name })
    .from(contacts)
    .where(and(eq(contacts.businessId, businessId), eq(contacts.kind, kind)))
    .orderBy(asc(contacts.name), asc(contacts.id))
    .all();
}

/** One contact, or null when it is not this business's or not of this kind. */
export function findContact(businessId: number, kind: ContactKind, id: number): ContactRow | null {
  return (
    getDb()
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, id), eq(contacts.businessId, businessId), eq(contacts.kind, kind)))
      .get() ?? null
  );
}

export function countContacts({ businessId, kind }: { businessId: number; kind: ContactKind }): number {
  return (
    getDb()
      .select({ n: count() })
      .from(contacts)
      .where(and(eq(contacts.businessId, businessId), eq(contacts.kind, kind)))
      .get()?.n ?? 0
  );
}

export function createContact({ businessId, kind, values }: { businessId: number; kind: ContactKind; values: ContactValues }): number {
  return getDb()
    .insert(contacts)
    .values({ ...values, kind, businessId })
    .returning({ id: contacts.id })
    .get().id;
}

/** False when there is no such contact of this business and kind. */
export function updateContact({
  businessId,
  kind,
  id,
  values,
}: {
  businessId: number;
  kind: ContactKind;
  id: number;
  values: ContactValues;
}): boolean {
  const result = getDb()
    .update(contacts)
    .set(values)
    .where(and(eq(contacts.id, id), eq(contacts.businessId, businessId), eq(contacts.kind, kind)))
    .run();
  return result.changes > 0;
}

/** Documents keep their contact (the foreign key restricts): a contact with documents stays. */
export function deleteContact({
  businessId,
  kind,
  id,
}: {
  businessId: number;
  kind: ContactKind;
  id: number;
}): "deleted" | "not_found" | "has_documents" {
  const contact = findContact(businessId, kind, id);
  if (!contact) return "not_found";
  const db = getDb();
  if ((db.select({ n: count() }).from(documents).where(eq(documents.contactId, contact.id)).get()?.n ?? 0) > 0) return "has_documents";
  try {
    db.delete(contacts).where(and(eq(contacts.id, contact.id), eq(contacts.businessId, businessId))).run();
  } catch (error) {
    // A document saved for this contact since the count above.
    if (isConstraintError(error, "FOREIGNKEY")) return "has_documents";
    throw error;
  }
  return "deleted";
}
