import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { businesses, contacts, documentLines, documents } from "@/db/schema";

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentLineRow = typeof documentLines.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type BusinessRow = typeof businesses.$inferSelect;

export interface DocumentBundle {
  document: DocumentRow;
  lines: DocumentLineRow[];
  contact: ContactRow;
  business: BusinessRow;
}

/** A document with everything printed on it, or null when it is not this business's. */
export function loadDocumentBundle(businessId: number, documentId: number): DocumentBundle | null {
  const db = getDb();
  const row = db
    .select({ document: documents, contact: contacts, business: businesses })
    .from(documents)
    .innerJoin(contacts, eq(contacts.id, documents.contactId))
    .innerJoin(businesses, eq(businesses.id, documents.businessId))
    .where(and(eq(documents.id, documentId), eq(documents.businessId, businessId)))
    .get();
  if (!row) return null;
  const lines = db
    .select()
    .from(documentLines)
    .where(eq(documentLines.documentId, documentId))
    .orderBy(asc(documentLines.position))
    .all();
  return { ...row, lines };
}
