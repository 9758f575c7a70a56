import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listEmails } from "@/lib/mail/email-log";
import { EmailTable } from "@/app/_components/document-email/email-table";

export async function generateMetadata() {
  const t = await getTranslations("emails");
  return { title: t("title") };
}

export default async function EmailsPage() {
  const user = await requireUser();
  const t = await getTranslations("emails");
  const entries = listEmails(user.businessId);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      {entries.length ? <EmailTable entries={entries} caption={t("title")} /> : <p>{t("empty")}</p>}
    </>
  );
}
