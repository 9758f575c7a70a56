import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDocumentDate } from "@/lib/documents/dates";
import type { DocumentListRow } from "@/lib/documents/queries";
import { formatMoney } from "@/lib/documents/totals";
import { documentTypeInfo } from "@/lib/documents/types";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { SelectAllDocuments, SelectDocument } from "@/app/_components/bulk-email/selection";

interface DocumentTableProps {
  rows: DocumentListRow[];
  /** The table's accessible name. */
  label: string;
  /** Lists that mix types (a contact's documents, the dashboard) show each row's type. */
  showType?: boolean;
  /** Heading of the contact column ("Customer", "Supplier"…); no column when omitted. */
  contactHeading?: string;
  /** Rows that get a checkbox for Email selected (the table then sits inside a <BulkSelection>); no checkbox column when omitted. */
  selectable?: (row: DocumentListRow) => boolean;
  /** The business's currency (ISO 4217) the totals are shown in. */
  currency: string;
}

/** Every list of documents: optional checkbox, reference (linked), optional type and contact, date and total. */
export async function DocumentTable({ rows, label, showType = false, contactHeading, selectable, currency }: DocumentTableProps) {
  const t = await getTranslations();
  const lang = await getRequestLocale();
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          {selectable ? (
            <th scope="col">
              <SelectAllDocuments />
            </th>
          ) : null}
          <th scope="col">{t("documents.fields.reference")}</th>
          {showType ? <th scope="col">{t("documents.list.type")}</th> : null}
          {contactHeading ? <th scope="col">{contactHeading}</th> : null}
          <th scope="col">{t("documents.fields.issueDate")}</th>
          <th scope="col" className="num">
            {t("documents.fields.total")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.id}>
            {selectable ? <td>{selectable(d) ? <SelectDocument id={d.id} label={d.reference} /> : null}</td> : null}
            <td>
              <Link href={`/documents/${d.type}/${d.id}`}>{d.reference}</Link>
            </td>
            {showType ? <td>{t(documentTypeInfo[d.type].messages.singular)}</td> : null}
            {contactHeading ? <td>{d.contactName}</td> : null}
            <td>{formatDocumentDate(d.issueDate, lang)}</td>
            <td className="num">{formatMoney(d.total, lang, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
