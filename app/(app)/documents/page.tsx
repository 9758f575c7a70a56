import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { documentCountsByType } from "@/lib/documents/queries";
import { documentTypeInfo, documentTypes } from "@/lib/documents/types";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("documents") };
}

export default async function DocumentsPage() {
  const user = await requireUser();
  const t = await getTranslations();
  const counts = documentCountsByType(user.businessId);
  return (
    <>
      <h1>{t("nav.documents")}</h1>
      <ul className="type-cards">
        {documentTypes.map((type) => {
          const { messages, contactKind } = documentTypeInfo[type];
          return (
            <li key={type} className="card">
              <h2>
                <Link href={`/documents/${type}`}>{t(messages.plural)}</Link>
              </h2>
              <p>{t("documents.overview.count", { count: counts[type] ?? 0 })}</p>
              <p className="hint">{t(`documents.overview.for.${contactKind}`)}</p>
              <Link href={`/documents/${type}/new`}>{t(messages.new)}</Link>
            </li>
          );
        })}
      </ul>
    </>
  );
}
