import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DocumentTable } from "@/app/(app)/documents/document-table";
import { ConfirmDelete } from "@/app/_components/confirm-delete";
import { requireUser } from "@/lib/auth/session";
import { getDocumentDefaults } from "@/lib/businesses/queries";
import { contactKindInfo, type ContactKind } from "@/lib/contacts/kinds";
import { parseRouteId } from "@/lib/validation/route-id";
import { findContact, listContacts } from "@/lib/contacts/queries";
import { listContactDocuments } from "@/lib/documents/queries";
import { deleteContactAction } from "./actions";
import { ContactForm } from "./contact-form";
import { emailSettingsCompleteFor } from "@/lib/mail/setup";
import { BulkSelection } from "@/app/_components/bulk-email/selection";

// Customers and suppliers are the same thing with a different label: these pages serve both routes.

export async function contactTitle(kind: ContactKind, key: "title" | "new") {
  const t = await getTranslations(contactKindInfo[kind].messages);
  return { title: t(key) };
}

export async function ContactListPage({ kind }: { kind: ContactKind }) {
  const user = await requireUser();
  const t = await getTranslations();
  const { basePath, messages } = contactKindInfo[kind];
  const rows = listContacts(user.businessId, kind);
  return (
    <>
      <div className="page-header">
        <h1>{t(`${messages}.title`)}</h1>
        <Link className="button" href={`${basePath}/new`}>
          {t(`${messages}.new`)}
        </Link>
      </div>
      {rows.length === 0 ? (
        <p className="notice info">{t(`${messages}.empty`)}</p>
      ) : (
        <table aria-label={t(`${messages}.title`)}>
          <thead>
            <tr>
              <th scope="col">{t("contacts.fields.name")}</th>
              <th scope="col">{t("contacts.fields.emails")}</th>
              <th scope="col" className="num">
                {t("contacts.fields.documents")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`${basePath}/${c.id}`}>{c.name}</Link>
                </td>
                <td>{c.emails}</td>
                <td className="num">{c.documentCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export async function NewContactPage({ kind }: { kind: ContactKind }) {
  await requireUser();
  const t = await getTranslations(contactKindInfo[kind].messages);
  return (
    <>
      <h1>{t("new")}</h1>
      <ContactForm kind={kind} />
    </>
  );
}

export async function contactPageTitle(kind: ContactKind, idParam: string) {
  const user = await requireUser();
  const id = parseRouteId(idParam);
  const contact = id === null ? null : findContact(user.businessId, kind, id);
  return { title: contact?.name ?? "" };
}

export async function ContactPage({ kind, idParam }: { kind: ContactKind; idParam: string }) {
  const user = await requireUser();
  const id = parseRouteId(idParam);
  const contact = id === null ? null : findContact(user.businessId, kind, id);
  if (!contact) notFound();
  const t = await getTranslations();
  const { basePath, messages } = contactKindInfo[kind];
  const { currency } = getDocumentDefaults({ businessId: user.businessId });
  const docs = listContactDocuments({ businessId: user.businessId, contactId: contact.id });
  return (
    <>
      <p className="no-print">
        <Link href={basePath}>{t(`${messages}.back`)}</Link>
      </p>
      <div className="page-header">
        <h1>{contact.name}</h1>
        <ConfirmDelete
          action={deleteContactAction.bind(null, { kind, id: contact.id })}
          redirectTo={basePath}
          labels={{ question: t(`${messages}.deleteQuestion`), confirm: t("contacts.delete.confirm"), pending: t("contacts.delete.pending") }}
        />
      </div>
      <section aria-labelledby="contact-edit-heading">
        <h2 id="contact-edit-heading">{t("contacts.editHeading")}</h2>
        <ContactForm kind={kind} id={contact.id} defaults={{ name: contact.name, emails: contact.emails, address: contact.address, taxId: contact.taxId }} />
      </section>
      <section aria-labelledby="contact-documents-heading">
        <h2 id="contact-documents-heading">{t("contacts.fields.documents")}</h2>
        {docs.length === 0 ? (
          <p>{t("contacts.noDocuments")}</p>
        ) : (
          // A customer's sales invoices can be emailed together (Email selected); other types are listed only.
          <BulkSelection
            documentType="sales-invoices"
            ids={docs.filter((d) => d.type === "sales-invoices").map((d) => d.id)}
            canEmail={kind === "customer" && docs.some((d) => d.type === "sales-invoices") && emailSettingsCompleteFor(user.businessId)}
          >
            <DocumentTable
              rows={docs}
              label={t("contacts.fields.documents")}
              showType
              currency={currency}
              selectable={kind === "customer" ? (d) => d.type === "sales-invoices" : undefined}
            />
          </BulkSelection>
        )}
      </section>
    </>
  );
}
