import { z } from "zod";
import { userRoles } from "@/lib/auth/roles";

// Messages are catalog keys; forms translate them with next-intl.
const noControlChars = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);

export const personNameSchema = z
  .string()
  .trim()
  .min(1, "validation.required")
  .max(200, "validation.tooLong")
  .refine(noControlChars, "validation.controlChars");

export const accountEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "validation.required")
  .max(254, "validation.tooLong")
  .pipe(z.email("validation.email"));

export const newPasswordSchema = z
  .string()
  .min(10, "validation.passwordLength")
  .max(200, "validation.tooLong");

export const signInSchema = z.object({
  email: z.string().trim().min(1, "validation.required").max(254, "validation.tooLong"),
  password: z.string().min(1, "validation.required").max(1024, "validation.tooLong"),
});

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

const optionalText = (max: number) =>
  z.string().trim().max(max, "validation.tooLong");

export const businessSchema = z.object({
  name: personNameSchema,
  address: optionalText(1000),
  email: z.union([z.literal(""), accountEmailSchema]),
  phone: optionalText(50).refine(noControlChars, "validation.controlChars"),
});
export type BusinessInput = z.input<typeof businessSchema>;

export const locales = ["en", "es"] as const;
export type Locale = (typeof locales)[number];
export const localeSchema = z.object({ locale: z.enum(locales) });
