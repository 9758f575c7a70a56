import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locale";
import { messagesFor } from "./messages";

type IntlMessages = Parameters<typeof createTranslator>[0]["messages"];

const makeTranslator = (locale: Locale) => createTranslator({ locale, messages: messagesFor(locale) as IntlMessages });

// Built once per language: making one costs about a millisecond, and every email and PDF asks.
const translators = new Map<Locale, ReturnType<typeof makeTranslator>>();

/**
 * A translator that needs no request: for what lib code writes on a customer's behalf (PDFs,
 * email placeholders), so it runs the same in the app, in scripts and in benchmarks.
 */
export function translatorFor(locale: Locale) {
  let translator = translators.get(locale);
  if (!translator) translators.set(locale, (translator = makeTranslator(locale)));
  return translator;
}
