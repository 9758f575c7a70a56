import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getDocumentDefaults } from "@/lib/businesses/queries";
import { listDocuments } from "@/lib/documents/queries";
import { documentTypeInfo } from "@/lib/documents/types";
import { DocumentTable } from "../document-table";
import { emailSettingsCompleteFor } from "@/lib/mail/setup";
import { BulkSelection } from "@/app/_components/bulk-email/selection";
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
  const { messages } = documentTypeInfo[type];
  const rows = listDocuments(user.businessId, type);
  const { currency } = getDocumentDefaults({ businessId: user.businessId });
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
        <BulkSelection documentType={type} ids={rows.map((d) => d.id)} canEmail={emailSettingsCompleteFor(user.businessId)}>
          <DocumentTable rows={rows} label={t(messages.plural)} contactHeading={t(messages.contactLabel)} selectable={() => true} currency={currency} />
        </BulkSelection>
      )}
    </>
  );
}
