import { z } from "zod";
import { userRoles } from "@/db/enums";
import { locales } from "@/lib/i18n/locale";
import { emailAddressSchema, isEmailAddress } from "./addresses";
import { multiLineText, singleLineText } from "./text";

// Messages are catalog keys; forms translate them with next-intl.
export const personNameSchema = singleLineText({ max: 200, required: true });

/** Sign-in addresses are compared in lower case. */
export const accountEmailSchema = emailAddressSchema.transform((email) => email.toLowerCase());

export const newPasswordSchema = z
  .string("validation.required")
  .min(10, "validation.passwordLength")
  .max(200, "validation.tooLong");

export const setupSchema = z.object({
  businessName: personNameSchema,
  name: personNameSchema,
  email: accountEmailSchema,
  password: newPasswordSchema,
});
export type SetupInput = z.input<typeof setupSchema>;

export const newUserSchema = z.object({
  name: personNameSchema,
  email: accountEmailSchema,
  role: z.enum(userRoles, "validation.required"),
  password: newPasswordSchema,
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const businessSchema = z.object({
  name: personNameSchema,
  address: multiLineText({ max: 1000, required: false }),
  // Optional: blank, or one valid address (no union, so the form shows the address message).
  email: z
    .string("validation.required")
    .trim()
    .max(254, "validation.tooLong")
    .refine((value) => value === "" || isEmailAddress(value), "validation.email")
    .transform((email) => email.toLowerCase()),
  phone: singleLineText({ max: 50, required: false }),
});
export type BusinessInput = z.input<typeof businessSchema>;
export type BusinessValues = z.output<typeof businessSchema>;

export const localeSchema = z.object({ locale: z.enum(locales) });
