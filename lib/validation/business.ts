import "./zod-jitless";
import { z } from "zod";
import { currencies } from "@/lib/businesses/currencies";
import { logoContentType, MAX_LOGO_BYTES } from "@/lib/businesses/logo-format";
import { isEmailAddress } from "./addresses";
import { personNameSchema } from "./auth";
import { taxRateInput } from "./document";
import { multiLineText, singleLineText } from "./text";

/**
 * A new logo, sent as base64 (server actions take JSON here, like every other form). Checked the
 * same way in the browser and on the server: at most 1 MB, and a PNG or JPEG by its content.
 */
export const logoUploadSchema = z
  .string()
  .max(Math.ceil(MAX_LOGO_BYTES / 3) * 4, "validation.logoTooLarge")
  .transform((base64, ctx) => {
    let bytes: Uint8Array;
    try {
      bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    } catch {
      ctx.addIssue({ code: "custom", message: "validation.logoType" });
      return z.NEVER;
    }
    if (bytes.length > MAX_LOGO_BYTES) {
      ctx.addIssue({ code: "custom", message: "validation.logoTooLarge" });
      return z.NEVER;
    }
    const contentType = logoContentType(bytes);
    if (!contentType) {
      ctx.addIssue({ code: "custom", message: "validation.logoType" });
      return z.NEVER;
    }
    return { contentType, content: bytes };
  });

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
  taxId: singleLineText({ max: 50, required: false }),
  currency: z.enum(currencies, "validation.currency"),
  // Blank: new lines start without a rate (which means 0 %).
  defaultTaxRate: taxRateInput({ emptyAs: "" }),
  /** A new logo (base64); absent keeps the saved one. */
  logo: logoUploadSchema.optional(),
  removeLogo: z.boolean().optional(),
});
export type BusinessInput = z.input<typeof businessSchema>;
export type BusinessValues = z.output<typeof businessSchema>;
