"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/auth/action";
import { deleteDocument, saveDocument } from "@/lib/documents/queries";
import { documentTypes } from "@/lib/documents/types";
import { fieldErrorsOf } from "@/lib/validation/action-result";
import { documentFormSchemaFor } from "@/lib/validation/document";

const target = z.object({ type: z.enum(documentTypes), id: z.number().int().positive() });

/** Create (id null) or replace a document; `values` is the form, parsed with the form's own schema for its type. */
export const saveDocumentAction = userAction(
  z.object({ type: z.enum(documentTypes), id: z.number().int().positive().nullable(), values: z.unknown() }),
  async ({ type, id, values }, user) => {
    const parsed = documentFormSchemaFor(type).safeParse(values);
    if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
    const result = saveDocument(user.businessId, type, parsed.data, id);
    if (!result.ok) {
      if (result.problem === "not_found") return { ok: false, error: "not_found" };
      if (result.problem === "contact") return { ok: false, error: "invalid", fieldErrors: { contactId: "validation.contactRequired" } };
      return { ok: false, error: "conflict", fieldErrors: { reference: "documents.errors.referenceTaken" } };
    }
    revalidatePath("/documents", "layout");
    return { ok: true, data: { id: result.id } };
  },
);

export const deleteDocumentAction = userAction(target, async ({ type, id }, user) => {
  if (!deleteDocument(user.businessId, type, id)) return { ok: false, error: "not_found" };
  revalidatePath("/documents", "layout");
  return { ok: true, data: undefined };
});
