import type { Locale } from "@/lib/i18n/locale";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enContacts from "./en/contacts.json";
import enDiagnosis from "./en/diagnosis.json";
import enDocuments from "./en/documents.json";
import enEmailSettings from "./en/email-settings.json";
import enEmails from "./en/emails.json";
import enGuides from "./en/guides.json";
import esAuth from "./es/auth.json";
import esCommon from "./es/common.json";
import esContacts from "./es/contacts.json";
import esDiagnosis from "./es/diagnosis.json";
import esDocuments from "./es/documents.json";
import esEmailSettings from "./es/email-settings.json";
import esEmails from "./es/emails.json";
import esGuides from "./es/guides.json";

type Messages = Record<string, unknown>;

// Each area keeps its own catalog file; namespaces that appear in several files are merged.
function merge(...parts: Messages[]): Messages {
  const out: Messages = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const existing = out[key];
      out[key] =
        existing && typeof existing === "object" && value && typeof value === "object" && !Array.isArray(value)
          ? merge(existing as Messages, value as Messages)
          : value;
    }
  }
  return out;
}

export const catalogs: Record<Locale, Messages> = {
  en: merge(enCommon, enAuth, enEmailSettings, enDiagnosis, enDocuments, enContacts, enEmails, enGuides),
  es: merge(esCommon, esAuth, esEmailSettings, esDiagnosis, esDocuments, esContacts, esEmails, esGuides),
};

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale];
}
