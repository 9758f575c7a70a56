import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConfirmDelete } from "@/app/_components/confirm-delete";
import { DocumentEmailPanel } from "@/app/_components/document-email/document-email-panel";
import { requireUser } from "@/lib/auth/session";
import { contactKindInfo } from "@/lib/contacts/kinds";
import { formatDocumentDate } from "@/lib/documents/dates";
import { loadDocumentBundle } from "@/lib/documents/queries";
import { computeLine, formatDecimal, formatMoney } from "@/lib/documents/totals";
import { documentTypeInfo } from "@/lib/documents/types";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { deleteDocumentAction } from "../actions";
import { documentParams, type DocumentParams } from "../route-params";

async function bundleFor(props: DocumentParams) {
  const user = await requireUser();
  const { type, id } = await documentParams(props);
  const bundle = loadDocumentBundle(user.businessId, id);
  if (!bundle || bundle.document.type !== type) notFound();
  return bundle;
}

export async function generateMetadata(props: DocumentParams) {
  const { document } = await bundleFor(props);
  const t = await getTranslations();
  return { title: `${t(documentTypeInfo[document.type].messages.singular)} ${document.reference}` };
}

export default async function DocumentPage(props: DocumentParams) {
  const { document, lines, contact, business } = await bundleFor(props);
  const t = await getTranslations();
  const lang = await getRequestLocale();
  const info = documentTypeInfo[document.type];
  const base = `/documents/${document.type}/${document.id}`;
  const typeName = t(info.messages.singular);
  return (
    <>
      <p className="no-print">
        <Link href={`/documents/${document.type}`}>{t(info.messages.plural)}</Link>
      </p>
      <div className="page-header">
        <h1>
          {typeName} {document.reference}
        </h1>
        <div className="row no-print">
          <Link className="button secondary" href={`${base}/edit`}>
            {t("common.edit")}
          </Link>
          <a className="button secondary" href={`${base}/pdf?download=1`} download>
            {t("documents.view.downloadPdf")}
          </a>
          <ConfirmDelete
            action={deleteDocumentAction.bind(null, { type: document.type, id: document.id })}
            redirectTo={`/documents/${document.type}`}
            labels={{ question: t("documents.view.deleteQuestion"), confirm: t("documents.view.confirmDelete"), pending: t("documents.view.deleting") }}
          />
        </div>
      </div>

      <div className="no-print">
        <DocumentEmailPanel documentId={document.id} />
      </div>

      <article className="card printable" aria-labelledby="printable-title">
        <header className="printable-header">
          <div>
            <p className="printable-business">{business.name}</p>
            {business.address ? <p className="pre">{business.address}</p> : null}
            {business.taxId ? <p>{t("documents.fields.taxId")}: {business.taxId}</p> : null}
            {business.email ? <p>{business.email}</p> : null}
            {business.phone ? <p>{business.phone}</p> : null}
          </div>
          <div className="printable-meta">
            <h2 id="printable-title">{typeName}</h2>
            <dl>
              <dt>{t("documents.fields.reference")}</dt>
              <dd>{document.reference}</dd>
              <dt>{t("documents.fields.issueDate")}</dt>
              <dd>{formatDocumentDate(document.issueDate, lang)}</dd>
              {info.messages.dueDateLabel && document.dueDate ? (
                <>
                  <dt>{t(info.messages.dueDateLabel)}</dt>
                  <dd>{formatDocumentDate(document.dueDate, lang)}</dd>
                </>
              ) : null}
            </dl>
          </div>
        </header>
        <section aria-labelledby="printable-contact" className="printable-contact">
          <h3 id="printable-contact">{t(info.messages.contactLabel)}</h3>
          <p>
            <Link href={`${contactKindInfo[info.contactKind].basePath}/${contact.id}`}>{contact.name}</Link>
          </p>
          {contact.address ? <p className="pre">{contact.address}</p> : null}
          {contact.taxId ? <p>{t("documents.fields.taxId")}: {contact.taxId}</p> : null}
          {contact.emails ? <p>{contact.emails}</p> : null}
        </section>
        <table aria-label={t("documents.form.lines")}>
          <thead>
            <tr>
              <th scope="col">{t("documents.fields.description")}</th>
              {(["quantity", "unitPrice", "taxRate", "amount"] as const).map((field) => (
                <th key={field} scope="col" className="num">
                  {t(`documents.fields.${field}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.id}>
                <td className="pre">{line.description}</td>
                <td className="num">{formatDecimal(line.quantity, lang)}</td>
                <td className="num">{formatMoney(line.unitPrice, lang, business.currency)}</td>
                <td className="num">{formatDecimal(line.taxRate, lang)} %</td>
                <td className="num">{formatMoney(computeLine(line).net, lang, business.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="printable-totals" aria-label={t("documents.form.totals")}>
          <dt>{t("documents.fields.subtotal")}</dt>
          <dd data-testid="subtotal">{formatMoney(document.subtotal, lang, business.currency)}</dd>
          <dt>{t("documents.fields.tax")}</dt>
          <dd data-testid="tax-total">{formatMoney(document.taxTotal, lang, business.currency)}</dd>
          <dt>{t("documents.fields.total")}</dt>
          <dd data-testid="total">{formatMoney(document.total, lang, business.currency)}</dd>
        </dl>
        {document.notes ? (
          <section aria-labelledby="printable-notes">
            <h3 id="printable-notes">{t("documents.fields.notes")}</h3>
            <p className="pre">{document.notes}</p>
          </section>
        ) : null}
      </article>

      <section aria-labelledby="pdf-preview-heading" className="no-print">
        <h2 id="pdf-preview-heading">{t("documents.view.pdfPreview")}</h2>
        {/* A frame, not an <object>: pages allow no plugins (object-src 'none'); the browser's PDF viewer shows it. */}
        <iframe className="pdf-preview" src={`${base}/pdf`} title={t("documents.view.pdfPreviewTitle", { name: `${typeName} ${document.reference}` })} />
      </section>
    </>
  );
}
