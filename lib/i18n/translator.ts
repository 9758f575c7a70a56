import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locale";
import { messagesFor } from "./messages";

/**
 * A translator that needs no request: for what lib code writes on a customer's behalf (PDFs,
 * email placeholders), so it runs the same in the app, in scripts and in benchmarks.
 */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: messagesFor(locale) as IntlMessages });
}

type IntlMessages = Parameters<typeof createTranslator>[0]["messages"];
