import "server-only";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { preparedOn } from "@/db/prepared";
import { isConstraintError } from "@/db/errors";
import { businesses, contacts, documentLines, documents } from "@/db/schema";
import { computeTotals } from "./totals";
import { documentTypeInfo, nextReference, type DocumentType } from "./types";

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

const bundleStatement = (db: Db) =>
  db
    .select({ document: documents, contact: contacts, business: businesses })
    .from(documents)
    .innerJoin(contacts, eq(contacts.id, documents.contactId))
    .innerJoin(businesses, eq(businesses.id, documents.businessId))
    .where(and(eq(documents.id, sql.placeholder("documentId")), eq(documents.businessId, sql.placeholder("businessId"))))
    .prepare();

const linesStatement = (db: Db) =>
  db
    .select()
    .from(documentLines)
    .where(eq(documentLines.documentId, sql.placeholder("documentId")))
    .orderBy(asc(documentLines.position))
    .prepare();

/** A document with everything printed on it, or null when it is not this business's (prepared: a batch loads one per email). */
export function loadDocumentBundle(businessId: number, documentId: number): DocumentBundle | null {
  const db = getDb();
  const row = preparedOn(db, bundleStatement).get({ documentId, businessId });
  if (!row) return null;
  return { ...row, lines: preparedOn(db, linesStatement).all({ documentId }) };
}

export interface SelectedDocument {
  documentId: number;
  reference: string;
  contactName: string;
  /** The contact's addresses; blank when it has none. */
  to: string;
}

/** The selected documents of one type that are this business's, once each, in the order selected: a batch's list before any is loaded in full. */
export function listSelectedDocuments(businessId: number, type: DocumentType, documentIds: number[]): SelectedDocument[] {
  const ids = [...new Set(documentIds)];
  if (!ids.length) return [];
  const rows = getDb()
    .select({ documentId: documents.id, reference: documents.reference, contactName: contacts.name, to: contacts.emails })
    .from(documents)
    .innerJoin(contacts, eq(contacts.id, documents.contactId))
    .where(and(eq(documents.businessId, businessId), eq(documents.type, type), inArray(documents.id, ids)))
    .all();
  const byId = new Map(rows.map((row) => [row.documentId, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One row per document with its contact's name: the shape of every document list. */
function documentRows() {
  return getDb()
    .select({
      id: documents.id,
      type: documents.type,
      reference: documents.reference,
      issueDate: documents.issueDate,
      total: documents.total,
      contactName: contacts.name,
    })
    .from(documents)
    .innerJoin(contacts, eq(contacts.id, documents.contactId));
}

export type DocumentListRow = ReturnType<typeof listDocuments>[number];

/** The list page of one type: newest first. */
export function listDocuments(businessId: number, type: DocumentType) {
  return documentRows()
    .where(and(eq(documents.businessId, businessId), eq(documents.type, type)))
    .orderBy(desc(documents.issueDate), desc(documents.id))
    .all();
}

/** The documents made last, of every type, newest first. */
export function recentDocuments({ businessId, limit }: { businessId: number; limit: number }) {
  return documentRows().where(eq(documents.businessId, businessId)).orderBy(desc(documents.createdAt), desc(documents.id)).limit(limit).all();
}

export function countDocuments({ businessId }: { businessId: number }): number {
  return getDb().select({ n: count() }).from(documents).where(eq(documents.businessId, businessId)).get()?.n ?? 0;
}

/** A contact's documents, newest first. */
export function listContactDocuments({ businessId, contactId }: { businessId: number; contactId: number }) {
  return documentRows()
    .where(and(eq(documents.contactId, contactId), eq(documents.businessId, businessId)))
    .orderBy(desc(documents.issueDate), desc(documents.id))
    .all();
}

export function documentCountsByType(businessId: number): Partial<Record<DocumentType, number>> {
  const rows = getDb()
    .select({ type: documents.type, n: count() })
    .from(documents)
    .where(eq(documents.businessId, businessId))
    .groupBy(documents.type)
    .all();
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}

/** What the Reference field of a new document starts with. */
export function suggestedReference(businessId: number, type: DocumentType): string {
  const existing = getDb()
    .select({ reference: documents.reference })
    .from(documents)
    .where(and(eq(documents.businessId, businessId), eq(documents.type, type)))
    .all();
  return nextReference(type, existing.map((r) => r.reference));
}

/** A document and its lines in the shape of the form, or null when it is not this business's. */
export function documentFormDefaults(businessId: number, type: DocumentType, id: number) {
  const db = getDb();
  const document = db
    .select()
    .from(documents)
    .where(and(eq(documents.id, id), eq(documents.businessId, businessId), eq(documents.type, type)))
    .get();
  if (!document) return null;
  const lines = db
    .select({ description: documentLines.description, quantity: documentLines.quantity, unitPrice: documentLines.unitPrice, taxRate: documentLines.taxRate })
    .from(documentLines)
    .where(eq(documentLines.documentId, id))
    .orderBy(asc(documentLines.position))
    .all();
  return {
    contactId: String(document.contactId),
    reference: document.reference,
    issueDate: document.issueDate,
    dueDate: document.dueDate ?? "",
    notes: document.notes,
    lines,
  };
}

/** A document as its form saves it, already validated (lib/validation/document.ts). */
export interface DocumentValues {
  contactId: number;
  reference: string;
  issueDate: string;
  dueDate: string | null;
  notes: string;
  lines: { description: string; quantity: string; unitPrice: string; taxRate: string }[];
}

export type SaveDocumentResult =
  | { ok: true; id: number }
  | { ok: false; problem: "not_found" | "contact" | "reference_taken" };

/**
 * Creates (id null) or replaces a document and all its lines in one transaction. Totals are
 * computed here from the validated lines, never taken from the browser.
 */
export function saveDocument(
  businessId: number,
  type: DocumentType,
  values: DocumentValues,
  id: number | null,
): SaveDocumentResult {
  const db = getDb();
  const totals = computeTotals(values.lines);
  const fields = {
    contactId: values.contactId,
    reference: values.reference,
    issueDate: values.issueDate,
    dueDate: documentTypeInfo[type].hasDueDate ? values.dueDate : null,
    notes: values.notes,
    subtotal: totals.subtotal,
    taxTotal: totals.taxTotal,
    total: totals.total,
  };
  try {
    // Immediate, since it reads before it writes: a deferred transaction that must then wait for
    // another process's write (the e2e seeding, a second worker) fails at once with SQLITE_BUSY.
    return db.transaction((tx): SaveDocumentResult => {
      const contact = tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(
          and(
            eq(contacts.id, values.contactId),
            eq(contacts.businessId, businessId),
            eq(contacts.kind, documentTypeInfo[type].contactKind),
          ),
        )
        .get();
      if (!contact) return { ok: false, problem: "contact" };
      const clash = tx
        .select({ id: documents.id })
        .from(documents)
        .where(and(eq(documents.businessId, businessId), eq(documents.type, type), eq(documents.reference, values.reference)))
        .get();
      if (clash && clash.id !== id) return { ok: false, problem: "reference_taken" };

      let documentId: number;
      if (id === null) {
        documentId = tx.insert(documents).values({ ...fields, businessId, type }).returning({ id: documents.id }).get().id;
      } else {
        const updated = tx
          .update(documents)
          .set({ ...fields, updatedAt: new Date() })
          .where(and(eq(documents.id, id), eq(documents.businessId, businessId), eq(documents.type, type)))
          .run();
        if (updated.changes === 0) return { ok: false, problem: "not_found" };
        documentId = id;
        tx.delete(documentLines).where(eq(documentLines.documentId, id)).run();
      }
      tx.insert(documentLines)
        .values(values.lines.map((line, position) => ({ ...line, documentId, position })))
        .run();
      return { ok: true, id: documentId };
    }, { behavior: "immediate" });
  } catch (error) {
    // Two people saving the same reference at once: the unique index decides.
    if (isConstraintError(error, "UNIQUE")) return { ok: false, problem: "reference_taken" };
    throw error;
  }
}

/** Deletes a document of this business (its lines go with it); false when there was none. */
export function deleteDocument(businessId: number, type: DocumentType, id: number): boolean {
  const result = getDb()
    .delete(documents)
    .where(and(eq(documents.id, id), eq(documents.businessId, businessId), eq(documents.type, type)))
    .run();
  return result.changes > 0;
}
