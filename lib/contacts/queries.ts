import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts, documents, type ContactKind } from "@/db/schema";

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

export function documentCountFor(contactId: number): number {
  return getDb().select({ n: count() }).from(documents).where(eq(documents.contactId, contactId)).get()?.n ?? 0;
}
