import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { documentEmailContent, draftDocumentEmail } from "@/lib/documents/email-content";
import { loadDocumentBundle } from "@/lib/documents/queries";
import { attachmentFilename, documentTypeInfo } from "@/lib/documents/types";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { htmlWithInlineImages } from "@/lib/mail/compose";
import { listEmails } from "@/lib/mail/email-log";
import { readEmailSettings } from "@/lib/mail/settings-store";
import { isEmailSettingsComplete } from "@/lib/mail/setup";
import { EmailDialog } from "./email-dialog";
import { EmailTable } from "./email-table";

/**
 * The document page's email area: the Email button (only when settings are complete) and the
 * list of this document's emails. Loads what it needs itself from the session.
 */
export async function DocumentEmailPanel({ documentId }: { documentId: number }) {
  const user = await requireUser();
  const bundle = loadDocumentBundle(user.businessId, documentId);
  if (!bundle) return null;
  const t = await getTranslations();
  const settings = readEmailSettings(user.businessId);
  const ready = isEmailSettingsComplete(settings);
  const entries = listEmails(user.businessId, { documentId });
  const { document, contact } = bundle;
  const documentLabel = `${t(documentTypeInfo[document.type].messages.inSentence)} ${document.reference}`;

  let dialog = null;
  if (ready) {
    const language = await getRequestLocale();
    const draft = await draftDocumentEmail(bundle, language);
    const preview = await documentEmailContent(bundle, draft, language);
    dialog = (
      <EmailDialog
        documentId={document.id}
        documentLabel={documentLabel}
        to={contact.emails}
        subject={draft.subject}
        message={draft.message}
        previewHtml={htmlWithInlineImages(preview.html, preview.inline)}
        pdfUrl={`/documents/${document.type}/${document.id}/pdf`}
        filename={attachmentFilename(document.type, document.reference)}
        smtpHost={settings.fields?.protocol === "smtp" ? settings.fields.smtpHost : undefined}
        smtpPort={settings.fields?.protocol === "smtp" ? settings.fields.smtpPort : undefined}
      />
    );
  }

  return (
    <section aria-labelledby="document-emails-heading" className="document-emails">
      {dialog ?? <p className="hint">{t("documentEmail.setUpHint")}</p>}
      <h2 id="document-emails-heading">{t("documentEmail.historyTitle")}</h2>
      {entries.length ? (
        <EmailTable entries={entries} caption={t("documentEmail.historyTitle")} showDocument={false} />
      ) : (
        <p className="hint">{t("documentEmail.noEmails")}</p>
      )}
    </section>
  );
}
