import { getLocale, getTranslations } from "next-intl/server";
import { locales } from "@/lib/i18n/locale";
import { chooseLanguage } from "./language-action";

// A select plus an Apply button rather than switching on change: changing the page's language
// as soon as an option is highlighted would surprise keyboard and screen-reader users.
export async function LanguageSwitcher() {
  const t = await getTranslations("common");
  const locale = await getLocale();
  return (
    <form action={chooseLanguage} className="language-form">
      <label htmlFor="language-select">{t("language")}</label>
      <div className="row">
        <select id="language-select" name="locale" defaultValue={locale}>
          {locales.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {t("applyLanguage")}
        </button>
      </div>
    </form>
  );
}
