import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { defaultLocale, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "./locale";
import { messagesFor } from "./messages";

// The signed-in user's choice wins, then the cookie (anonymous pages), then the browser.
export default getRequestConfig(async () => {
  const user = await currentUser();
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(user?.locale)
    ? user.locale
    : isLocale(cookie)
      ? cookie
      : (localeFromAcceptLanguage((await headers()).get("accept-language")) ?? defaultLocale);
  // Times are shown in the server's time zone (set TZ to change it), always with the zone's name.
  return { locale, messages: messagesFor(locale), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
});
