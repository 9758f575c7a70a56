import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getDocumentDefaults } from "@/lib/businesses/queries";
import { contactKindInfo } from "@/lib/contacts/kinds";
import { contactChoices } from "@/lib/contacts/queries";
import { suggestedReference } from "@/lib/documents/queries";
import { documentTypeInfo } from "@/lib/documents/types";
import { newDocumentLine } from "@/lib/validation/document-line";
import { DocumentForm } from "../document-form";
import { documentTypeParam, type TypeParams } from "../route-params";

export async function generateMetadata(props: TypeParams) {
  const type = await documentTypeParam(props);
  const t = await getTranslations();
  return { title: t(documentTypeInfo[type].messages.new) };
}

export default async function NewDocumentPage(props: TypeParams) {
  const user = await requireUser();
  const type = await documentTypeParam(props);
  const t = await getTranslations();
  const { contactKind, messages } = documentTypeInfo[type];
  const contacts = contactChoices(user.businessId, contactKind);
  const { currency, defaultTaxRate } = getDocumentDefaults({ businessId: user.businessId });
  return (
    <>
      <h1>{t(messages.new)}</h1>
      <DocumentForm
        type={type}
        id={null}
        contacts={contacts}
        newContactHref={`${contactKindInfo[contactKind].basePath}/new`}
        defaults={{
          contactId: contacts.length === 1 ? String(contacts[0].id) : "",
          reference: suggestedReference(user.businessId, type),
          issueDate: new Date().toISOString().slice(0, 10),
          dueDate: "",
          notes: "",
          lines: [newDocumentLine(defaultTaxRate)],
        }}
        currency={currency}
        defaultTaxRate={defaultTaxRate}
      />
    </>
  );
}
