import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { formatDocumentDate } from "@/lib/documents/dates";
import { listDocuments } from "@/lib/documents/queries";
import { formatMoney } from "@/lib/documents/totals";
import { documentTypeInfo } from "@/lib/documents/types";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { documentTypeParam, type TypeParams } from "./route-params";

export async function generateMetadata(props: TypeParams) {
  const type = await documentTypeParam(props);
  const t = await getTranslations();
  return { title: t(documentTypeInfo[type].messages.plural) };
}

export default async function DocumentListPage(props: TypeParams) {
  const user = await requireUser();
  const type = await documentTypeParam(props);
  const t = await getTranslations();
  const lang = await getRequestLocale();
  const { messages } = documentTypeInfo[type];
  const rows = listDocuments(user.businessId, type);
  return (
    <>
      <p>
        <Link href="/documents">{t("documents.backToAll")}</Link>
      </p>
      <div className="page-header">
        <h1>{t(messages.plural)}</h1>
        <Link className="button" href={`/documents/${type}/new`}>
          {t(messages.new)}
        </Link>
      </div>
      {rows.length === 0 ? (
        <p className="notice info">{t("documents.list.empty")}</p>
      ) : (
        <table aria-label={t(messages.plural)}>
          <thead>
            <tr>
              <th scope="col">{t("documents.fields.reference")}</th>
              <th scope="col">{t(messages.contactLabel)}</th>
              <th scope="col">{t("documents.fields.issueDate")}</th>
              <th scope="col" className="num">
                {t("documents.fields.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link href={`/documents/${type}/${d.id}`}>{d.reference}</Link>
                </td>
                <td>{d.contactName}</td>
                <td>{formatDocumentDate(d.issueDate, lang)}</td>
                <td className="num">{formatMoney(d.total, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
