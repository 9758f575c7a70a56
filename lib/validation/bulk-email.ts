import "./zod-jitless";
import { z } from "zod";
import { documentTypeInfo, type DocumentType } from "@/lib/documents/types";
import { multiLineText, singleLineText } from "./text";

const documentType = z.enum(Object.keys(documentTypeInfo) as [DocumentType, ...DocumentType[]], "validation.required");
const documentIds = z.array(z.coerce.number("validation.required").int().positive(), "validation.required").min(1, "validation.required").max(1_000, "validation.tooLong");

/** Email selected: which documents, before anything is queued (the dialog's draft). */
export const documentBatchDraftSchema = z.object({ documentType, documentIds });

/** Email selected → Send: one schema for the dialog and the action. */
export const documentBatchSchema = documentBatchDraftSchema.extend({
  subject: singleLineText({ max: 300, required: true }),
  message: multiLineText({ max: 20_000, required: true }),
  idempotencyKey: z.uuid("validation.required"),
});
export type DocumentBatchInput = z.input<typeof documentBatchSchema>;

export const batchIdSchema = z.object({ batchId: z.coerce.number("validation.required").int().positive() });
