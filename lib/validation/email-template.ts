import "./zod-jitless";
import { z } from "zod";
import { findUnknownPlaceholders } from "@/lib/documents/email-template";
import { documentTypes } from "@/db/enums";
import { messageWithParams } from "./message";
import { multiLineText, singleLineText } from "./text";

const knownPlaceholdersOnly = (schema: z.ZodType<string>) =>
  schema.superRefine((text, ctx) => {
    const unknown = findUnknownPlaceholders(text);
    if (unknown.length) {
      const names = unknown.map((name) => `{{${name}}}`).join(", ");
      ctx.addIssue({ code: "custom", message: messageWithParams("templates.errors.unknownPlaceholder", { names }) });
    }
  });

export const emailTemplateSchema = z.object({
  documentType: z.enum(documentTypes, "validation.required"),
  subject: knownPlaceholdersOnly(singleLineText({ max: 200, required: true })),
  body: knownPlaceholdersOnly(multiLineText({ max: 10_000, required: true })),
});
export type EmailTemplateInput = z.input<typeof emailTemplateSchema>;
