import "./zod-jitless";
import { z } from "zod";
import { userRoles } from "@/db/enums";
import { locales } from "@/lib/i18n/locale";
import { emailAddressSchema } from "./address-schemas";
import { singleLineText } from "./text";

// Messages are catalog keys; forms translate them with next-intl.
export const personNameSchema = singleLineText({ max: 200, required: true });

/** Sign-in addresses are compared in lower case. */
export const accountEmailSchema = emailAddressSchema.transform((email) => email.toLowerCase());

// The common-password list is checked on the server (lib/auth/common-passwords): too big for the browser.
export const newPasswordSchema = z
  .string("validation.required")
  .min(10, "validation.passwordLength")
  .max(200, "validation.tooLong")
  .refine((p) => !/^(.)\1*$/su.test(p), "validation.passwordRepeated");

export const setupSchema = z.object({
  businessName: personNameSchema,
  name: personNameSchema,
  email: accountEmailSchema,
  password: newPasswordSchema,
  // Only asked for from another machine (lib/auth/setup-code).
  setupCode: z.string().max(64, "validation.tooLong").optional(),
});
export type SetupInput = z.input<typeof setupSchema>;

export const newUserSchema = z.object({
  name: personNameSchema,
  email: accountEmailSchema,
  role: z.enum(userRoles, "validation.required"),
  password: newPasswordSchema,
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const localeSchema = z.object({ locale: z.enum(locales) });
