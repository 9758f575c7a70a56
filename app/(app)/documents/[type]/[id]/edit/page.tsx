import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getDocumentDefaults } from "@/lib/businesses/queries";
import { contactKindInfo } from "@/lib/contacts/kinds";
import { contactChoices } from "@/lib/contacts/queries";
import { documentFormDefaults } from "@/lib/documents/queries";
import { documentTypeInfo } from "@/lib/documents/types";
import { DocumentForm } from "../../document-form";
import { documentParams, type DocumentParams } from "../../route-params";

export async function generateMetadata(props: DocumentParams) {
  const { type } = await documentParams(props);
  const t = await getTranslations();
  return { title: t("documents.editTitle", { type: t(documentTypeInfo[type].messages.inSentence) }) };
}

export default async function EditDocumentPage(props: DocumentParams) {
  const user = await requireUser();
  const { type, id } = await documentParams(props);
  const defaults = documentFormDefaults(user.businessId, type, id);
  if (!defaults) notFound();
  const t = await getTranslations();
  const { contactKind, messages } = documentTypeInfo[type];
  const { currency, defaultTaxRate } = getDocumentDefaults({ businessId: user.businessId });
  return (
    <>
      <h1>{t("documents.editHeading", { type: t(messages.inSentence), reference: defaults.reference })}</h1>
      <DocumentForm
        type={type}
        id={id}
        contacts={contactChoices(user.businessId, contactKind)}
        newContactHref={`${contactKindInfo[contactKind].basePath}/new`}
        defaults={defaults}
        currency={currency}
        defaultTaxRate={defaultTaxRate}
      />
    </>
  );
}
