import "server-only";
import { getLocale } from "next-intl/server";
import { asLocale, type Locale } from "./locale";

/** The language of this request (user → cookie → browser, see request.ts), as a Locale. */
export async function getRequestLocale(): Promise<Locale> {
  return asLocale(await getLocale());
}
