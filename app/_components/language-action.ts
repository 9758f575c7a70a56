"use server";

import { cookies } from "next/headers";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { currentUser } from "@/lib/auth/session";
import { LOCALE_COOKIE } from "@/lib/i18n/locale";
import { fieldErrorsOf, type ActionResult } from "@/lib/validation/action-result";
import { localeSchema } from "@/lib/validation/auth";

/** Anyone may pick a language for their browser; a signed-in user's choice is also remembered. */
export async function chooseLanguage(input: unknown): Promise<ActionResult> {
  const parsed = localeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { locale } = parsed.data;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600, httpOnly: true });
  const user = await currentUser();
  if (user) getDb().update(users).set({ locale }).where(eq(users.id, user.id)).run();
  return { ok: true, data: undefined };
}
