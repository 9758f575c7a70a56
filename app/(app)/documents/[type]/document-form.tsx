"use client";

import { useId, useMemo } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, useWatch, type FieldError } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { Field, FieldErrorText } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useActionForm } from "@/app/_components/use-action-form";
import { previewTotals } from "@/lib/validation/preview-totals";
import { formatMoney } from "@/lib/documents/totals";
import { documentTypeInfo, type DocumentType } from "@/lib/documents/types";
import { asLocale } from "@/lib/i18n/locale";
import {
  documentFormSchemaFor,
  newDocumentLine,
  MAX_LINES,
  type DocumentFormInput,
  type DocumentFormValues,
} from "@/lib/validation/document";
import { saveDocumentAction } from "./actions";

/** New document (id null) or edit one. Totals shown here are a preview; the server computes the stored ones. */
export function DocumentForm({
  type,
  id,
  contacts,
  newContactHref,
  defaults,
  currency,
  defaultTaxRate,
}: {
  type: DocumentType;
  id: number | null;
  contacts: { id: number; name: string }[];
  newContactHref: string;
  defaults: DocumentFormInput;
  /** The business's currency, for the totals shown while typing. */
  currency: string;
  /** What the Tax rate of each added line starts with ("" for none). */
  defaultTaxRate: string;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const money = (amount: string) => formatMoney(amount, asLocale(locale), currency);
  const router = useRouter();
  const info = documentTypeInfo[type];
  const ids = { contact: useId(), notes: useId(), contactHint: useId() };
  const schema = useMemo(() => documentFormSchemaFor(type), [type]);
  const form = useForm<DocumentFormInput, unknown, DocumentFormValues>({ resolver: zodResolver(schema), defaultValues: defaults });
  const lines = useFieldArray({ control: form.control, name: "lines" });
  const watchedLines = useWatch({ control: form.control, name: "lines" });
  const totals = previewTotals(watchedLines ?? []);

  const { submit, status, pending } = useActionForm(form, {
    action: (values) => saveDocumentAction({ type, id, values }),
    onSuccess: (saved) => {
      router.push(`/documents/${type}/${saved.id}`);
      router.refresh();
    },
  });
  const { errors } = form.formState;
  const contactError = errors.contactId as FieldError | undefined;
  const linesError = errors.lines?.root ?? (errors.lines as FieldError | undefined);
  return (
    <form onSubmit={submit} noValidate className="card document-form">
      <div className="grid-2">
        <div className="field">
          <label htmlFor={ids.contact}>{t(info.messages.contactLabel)}</label>
          {contacts.length === 0 ? (
            <p id={ids.contactHint} className="hint">
              {t(`documents.form.noContacts.${info.contactKind}`)} <Link href={newContactHref}>{t(`contacts.${info.contactKind}.new`)}</Link>
            </p>
          ) : null}
          <select
            id={ids.contact}
            aria-invalid={contactError ? true : undefined}
            aria-describedby={[contacts.length === 0 ? ids.contactHint : "", contactError ? `${ids.contact}-error` : ""].filter(Boolean).join(" ") || undefined}
            {...form.register("contactId")}
          >
            <option value="">{t("documents.form.chooseContact")}</option>
            {contacts.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
          </select>
          <FieldErrorText id={`${ids.contact}-error`} error={contactError} />
        </div>
        <Field label={t("documents.fields.reference")} registration={form.register("reference")} error={errors.reference} autoComplete="off" />
        <Field label={t("documents.fields.issueDate")} type="date" registration={form.register("issueDate")} error={errors.issueDate} />
        {info.messages.dueDateLabel ? (
          <Field label={t(info.messages.dueDateLabel)} type="date" registration={form.register("dueDate")} error={errors.dueDate} />
        ) : null}
      </div>

      <section aria-labelledby={`${ids.notes}-lines`} className="lines">
        <h2 id={`${ids.notes}-lines`}>{t("documents.form.lines")}</h2>
        {lines.fields.map((field, index) => {
          const lineErrors = errors.lines?.[index];
          const amount = totals.lines[index];
          const number = index + 1;
          return (
            <fieldset key={field.id} className="line">
              <legend>{t("documents.form.line", { number })}</legend>
              <div className="line-grid">
                <Field label={t("documents.fields.description")} registration={form.register(`lines.${index}.description`)} error={lineErrors?.description} autoComplete="off" />
                <Field label={t("documents.fields.quantity")} registration={form.register(`lines.${index}.quantity`)} error={lineErrors?.quantity} inputProps={{ inputMode: "decimal" }} autoComplete="off" />
                <Field label={t("documents.fields.unitPrice")} registration={form.register(`lines.${index}.unitPrice`)} error={lineErrors?.unitPrice} inputProps={{ inputMode: "decimal" }} autoComplete="off" />
                <Field label={t("documents.fields.taxRate")} registration={form.register(`lines.${index}.taxRate`)} error={lineErrors?.taxRate} inputProps={{ inputMode: "decimal" }} autoComplete="off">
                  <span className="hint">{t("documents.form.taxRateUnit")}</span>
                </Field>
              </div>
              <div className="row line-footer">
                <span>
                  {t("documents.fields.amount")}: <span data-testid="line-amount">{amount ? money(amount.net) : "—"}</span>
                </span>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => lines.remove(index)}
                  disabled={lines.fields.length === 1}
                  aria-label={t("documents.form.removeLineNumbered", { number })}
                >
                  {t("documents.form.removeLine")}
                </button>
              </div>
            </fieldset>
          );
        })}
        {linesError?.message ? <FieldErrorText id={`${ids.notes}-lines-error`} error={linesError} /> : null}
        <div>
          <button type="button" className="secondary" onClick={() => lines.append(newDocumentLine(defaultTaxRate))} disabled={lines.fields.length >= MAX_LINES}>
            {t("documents.form.addLine")}
          </button>
        </div>
      </section>

      <section aria-labelledby={`${ids.notes}-totals`} className="totals">
        <h2 id={`${ids.notes}-totals`}>{t("documents.form.totals")}</h2>
        <dl>
          <dt>{t("documents.fields.subtotal")}</dt>
          <dd data-testid="subtotal">{money(totals.subtotal)}</dd>
          <dt>{t("documents.fields.tax")}</dt>
          <dd data-testid="tax-total">{money(totals.taxTotal)}</dd>
          <dt>{t("documents.fields.total")}</dt>
          <dd data-testid="total">{money(totals.total)}</dd>
        </dl>
        {totals.complete ? null : <p className="hint">{t("documents.form.totalsPartial")}</p>}
      </section>

      <div className="field">
        <label htmlFor={ids.notes}>{t("documents.fields.notes")}</label>
        <textarea
          id={ids.notes}
          rows={3}
          aria-invalid={errors.notes ? true : undefined}
          aria-describedby={errors.notes ? `${ids.notes}-error` : undefined}
          {...form.register("notes")}
        />
        <FieldErrorText id={`${ids.notes}-error`} error={errors.notes} />
      </div>

      <FormStatus kind={status?.kind ?? null}>{status?.text}</FormStatus>
      <div className="row">
        <button type="submit" disabled={pending}>
          {pending ? t("common.saving") : id === null ? t("common.create") : t("common.save")}
        </button>
        <Link href={id === null ? `/documents/${type}` : `/documents/${type}/${id}`}>{t("common.cancel")}</Link>
      </div>
    </form>
  );
}
