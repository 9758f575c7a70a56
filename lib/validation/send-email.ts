import "./zod-jitless";
import { z } from "zod";
import { addressListSchema } from "./address-schemas";
import { multiLineText, singleLineText } from "./text";

/** The Email dialog: one schema for the form and the send action. */
export const documentEmailSchema = z.object({
  documentId: z.coerce.number("validation.required").int().positive(),
  to: addressListSchema({ required: true }),
  cc: addressListSchema({ required: false }),
  subject: singleLineText({ max: 300, required: true }),
  message: multiLineText({ max: 20_000, required: true }),
  // Made by the browser when the dialog opens: a repeat of the same submission never sends twice.
  idempotencyKey: z.uuid("validation.required"),
});
export type DocumentEmailInput = z.input<typeof documentEmailSchema>;

export const emailIdSchema = z.object({ emailId: z.coerce.number("validation.required").int().positive() });

export const emailPreviewSchema = z.object({
  documentId: z.coerce.number("validation.required").int().positive(),
  message: multiLineText({ max: 20_000, required: false }),
});
