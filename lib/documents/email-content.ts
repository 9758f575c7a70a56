import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailTemplates } from "@/db/schema";
import { getBusinessLogo, type BusinessLogo } from "@/lib/businesses/queries";
import { translatorFor } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locale";
import type { MailAttachment } from "@/lib/mail/types";
import { formatDocumentDate } from "./dates";
import {
  fillSubject,
  fillTemplate,
  renderEmailBody,
  type EmailFooter,
  type EmailTemplate,
  type TemplateValues,
} from "./email-template";
import type { DocumentBundle } from "./queries";
import { formatMoney } from "./totals";
import { documentTypeInfo, type DocumentType } from "./types";

/**
 * What Settings → Email templates starts from, and what is used while a business has none saved:
 * the catalog's text, whose {{placeholders}} are ours, quoted there so ICU (and the build's
 * precompiled catalogs) leave them as they are.
 */
export function defaultEmailTemplate(type: DocumentType, locale: Locale): EmailTemplate {
  const t = translatorFor(locale);
  return { subject: t(`templates.defaults.${type}.subject`), body: t(`templates.defaults.${type}.body`) };
}

/** The business's template for a type, or the built-in one in the given language. */
export function emailTemplateFor(businessId: number, type: DocumentType, locale: Locale): EmailTemplate & { custom: boolean } {
  const saved = getDb()
    .select({ subject: emailTemplates.subject, body: emailTemplates.body })
    .from(emailTemplates)
    .where(and(eq(emailTemplates.businessId, businessId), eq(emailTemplates.documentType, type)))
    .get();
  return saved ? { ...saved, custom: true } : { ...defaultEmailTemplate(type, locale), custom: false };
}

export function saveEmailTemplate(businessId: number, type: DocumentType, template: EmailTemplate): void {
  const row = { subject: template.subject, body: template.body, updatedAt: new Date() };
  getDb()
    .insert(emailTemplates)
    .values({ businessId, documentType: type, ...row })
    .onConflictDoUpdate({ target: [emailTemplates.businessId, emailTemplates.documentType], set: row })
    .run();
}

export function resetEmailTemplate(businessId: number, type: DocumentType): void {
  getDb()
    .delete(emailTemplates)
    .where(and(eq(emailTemplates.businessId, businessId), eq(emailTemplates.documentType, type)))
    .run();
}

/** What each placeholder stands for in this document, as plain text in the given language. */
export async function placeholderValues(bundle: DocumentBundle, locale: Locale): Promise<TemplateValues> {
  const t = translatorFor(locale);
  const { document, contact, business } = bundle;
  return {
    reference: document.reference,
    contact_name: contact.name,
    business_name: business.name,
    total: formatMoney(document.total, locale, business.currency),
    due_date: document.dueDate ? formatDocumentDate(document.dueDate, locale) : "",
    document_type: t(documentTypeInfo[document.type].messages.singular),
  };
}

/** The Email dialog's starting subject and message: the template with this document's values. */
export async function draftDocumentEmail(bundle: DocumentBundle, locale: Locale): Promise<{ subject: string; message: string }> {
  const template = emailTemplateFor(bundle.business.id, bundle.document.type, locale);
  const values = await placeholderValues(bundle, locale);
  // The message becomes the sender's own editable Markdown from here on: values are filled in
  // readable, with link and image syntax escaped so a contact's name cannot become a live link.
  return { subject: fillSubject(template.subject, values), message: fillTemplate(template.body, values, { format: "draft" }) };
}

/** The business's logo as the email carries it: an inline image the footer shows with src="cid:…". */
function inlineLogo(logo: BusinessLogo | null): MailAttachment | null {
  if (!logo) return null;
  // The cid is also the file name, so relays that name inline parts by their cid (Mailgun-style) keep the link.
  const filename = logo.contentType === "image/png" ? "logo.png" : "logo.jpg";
  return { filename, contentType: logo.contentType, content: logo.content, contentId: filename };
}

/**
 * The email a document goes out with, from the dialog's subject and Markdown message: any
 * placeholder still in them is filled, then the message is rendered, signed with the business's
 * details and logo (an inline image). The dialog's preview and the real send both come from here,
 * so what is previewed is what is sent. A batch passes the logo it read once.
 */
export async function documentEmailContent(
  bundle: DocumentBundle,
  content: { subject: string; message: string },
  locale: Locale,
  businessLogo: BusinessLogo | null = getBusinessLogo({ businessId: bundle.business.id }),
): Promise<{ subject: string; html: string; text: string; inline: MailAttachment[] }> {
  const values = await placeholderValues(bundle, locale);
  const logo = inlineLogo(businessLogo);
  const footer = senderFooter(bundle.business, locale, logo ? `cid:${logo.contentId}` : undefined);
  const body = renderEmailBody(fillTemplate(content.message, values), { lang: locale, footer });
  return { subject: fillSubject(content.subject, values), ...body, inline: logo ? [logo] : [] };
}

/** Who sent the document, under every document email: logo, name, address, tax ID, phone and email. */
function senderFooter(business: DocumentBundle["business"], locale: Locale, logoSrc: string | undefined): EmailFooter {
  const t = translatorFor(locale);
  const taxId = business.taxId ? `${t("documents.fields.taxId")}: ${business.taxId}` : "";
  return { lines: [business.name, business.address, taxId, business.phone, business.email], logoSrc, logoAlt: business.name };
}
