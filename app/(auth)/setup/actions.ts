"use server";

import { headers } from "next/headers";
import { commonPasswordErrors } from "@/lib/auth/common-passwords";
import { clientIp } from "@/lib/auth/client-ip";
import { hashPassword } from "@/lib/auth/password";
import { setupAllowed } from "@/lib/auth/setup-code";
import { defaultCurrencyFor } from "@/lib/businesses/currencies";
import { createBusinessWithAdmin } from "@/lib/businesses/queries";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { hasAnyUser } from "@/lib/users/queries";
import { fieldErrorsOf, type ActionResult } from "@/lib/validation/action-result";
import { setupSchema } from "@/lib/validation/auth";

/** Creates the business and its first administrator; refused once any user exists. */
export async function createFirstAdmin(input: unknown): Promise<ActionResult> {
  // Public endpoint: once set up, refuse before doing any work (hashing is deliberately costly).
  if (hasAnyUser()) return { ok: false, error: "forbidden" };
  const parsed = setupSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  if (!setupAllowed(clientIp(await headers()), parsed.data.setupCode)) {
    return { ok: false, error: "forbidden", fieldErrors: { setupCode: "setup.codeWrong" } };
  }
  const { businessName, name, email, password } = parsed.data;
  const common = commonPasswordErrors("password", password);
  if (common) return common;
  const passwordHash = await hashPassword(password);
  const currency = defaultCurrencyFor((await headers()).get("accept-language"), await getRequestLocale());
  const created = createBusinessWithAdmin({ businessName, currency, admin: { name, email, passwordHash } });
  return created ? { ok: true, data: undefined } : { ok: false, error: "forbidden" };
}
