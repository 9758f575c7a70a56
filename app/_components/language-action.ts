"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { currentUser } from "@/lib/auth/session";
import { LOCALE_COOKIE } from "@/lib/i18n/locale";
import { setUserLocale } from "@/lib/users/queries";
import { localeSchema } from "@/lib/validation/auth";

/**
 * Anyone may pick a language for their browser; a signed-in user's choice is also remembered.
 * A plain form action, so it works before (or without) JavaScript too.
 */
export async function chooseLanguage(formData: FormData): Promise<void> {
  const parsed = localeSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  const { locale } = parsed.data;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600, httpOnly: true });
  const user = await currentUser();
  if (user) setUserLocale({ userId: user.id, locale });
  revalidatePath("/", "layout");
}
