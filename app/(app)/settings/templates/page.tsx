import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { emailTemplateFor } from "@/lib/documents/email-content";
import { templatePlaceholders } from "@/lib/documents/email-template";
import { documentTypeInfo, documentTypes } from "@/lib/documents/types";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { TemplateForm } from "./template-form";

export async function generateMetadata() {
  const t = await getTranslations("templates");
  return { title: t("title") };
}

export default async function TemplatesPage() {
  const user = await requireAdmin();
  const t = await getTranslations();
  const locale = await getRequestLocale();
  return (
    <section aria-labelledby="templates-heading">
      <h2 id="templates-heading">{t("templates.title")}</h2>
      <p className="hint">{t("templates.intro")}</p>
      <p>
        {t("templates.placeholders")}{" "}
        {templatePlaceholders.map((name, i) => (
          <span key={name}>
            {i ? ", " : ""}
            <code>{`{{${name}}}`}</code>
          </span>
        ))}
      </p>
      {documentTypes.map((type) => {
        const template = emailTemplateFor(user.businessId, type, locale);
        return (
          <TemplateForm
            key={type}
            documentType={type}
            heading={t(documentTypeInfo[type].messages.plural)}
            subject={template.subject}
            body={template.body}
            custom={template.custom}
          />
        );
      })}
    </section>
  );
}
