import "./zod-jitless";
import { z } from "zod";
import { addressListSchema } from "./address-schemas";
import { multiLineText, singleLineText } from "./text";

/** The customer / supplier form. `emails` comes out as "a@x.com, b@y.com" (contacts.emails). */
export const contactSchema = z.object({
  name: singleLineText({ max: 200, required: true }),
  emails: addressListSchema({ required: true }),
  address: multiLineText({ max: 1000, required: false }).optional().transform((s) => s ?? ""),
  taxId: singleLineText({ max: 50, required: false }).optional().transform((s) => s ?? ""),
});
export type ContactInput = z.input<typeof contactSchema>;
export type ContactValues = z.output<typeof contactSchema>;
