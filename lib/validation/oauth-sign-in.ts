import { z } from "zod";
import { DEFAULT_MICROSOFT_TENANT, isValidTenant, oauthProviders, type OAuthProvider } from "@/lib/mail/oauth/providers";

const controlChars = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const text = (max: number) =>
  z
    .string("validation.required")
    .trim()
    .max(max, "validation.tooLong")
    .refine((s) => !controlChars.test(s), "validation.controlChars");

export const oauthProviderSchema = z.object({ provider: z.enum(oauthProviders, "validation.required") });

/**
 * Starting a sign-in: the app registration as typed in the form, checked by the action. With a
 * server-wide registration the client fields are not used.
 */
export function oauthSignInSchema({ serverWide }: { serverWide: readonly OAuthProvider[] }) {
  return z
    .object({
      provider: z.enum(oauthProviders, "validation.required"),
      clientId: text(200),
      // Write-only like the SMTP password: blank means the saved one (for the same client ID).
      clientSecret: z.string("validation.required").max(500, "validation.tooLong").refine((s) => !controlChars.test(s), "validation.controlChars"),
      tenant: text(100),
    })
    .superRefine((v, ctx) => {
      if (!serverWide.includes(v.provider) && !v.clientId) ctx.addIssue({ code: "custom", path: ["clientId"], message: "emailSettings.errors.clientIdRequired" });
      if (v.provider === "microsoft" && v.tenant && !isValidTenant(v.tenant)) {
        ctx.addIssue({ code: "custom", path: ["tenant"], message: "emailSettings.errors.tenantInvalid" });
      }
    })
    .transform((v) => ({ ...v, tenant: v.provider === "microsoft" ? v.tenant || DEFAULT_MICROSOFT_TENANT : "" }));
}

export type OAuthSignInInput = z.input<ReturnType<typeof oauthSignInSchema>>;
export type OAuthSignInValues = z.output<ReturnType<typeof oauthSignInSchema>>;
