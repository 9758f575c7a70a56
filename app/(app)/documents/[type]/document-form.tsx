"use client";

import { useId, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Field, FieldErrorText } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useServerValidatedForm } from "@/app/_components/use-action-form";
import { previewTotals } from "@/lib/validation/preview-totals";
import { formatMoney } from "@/lib/documents/totals";
import { documentTypeInfo, type DocumentType } from "@/lib/documents/types";
import { asLocale } from "@/lib/i18n/locale";
import type { DocumentFormInput, DocumentLineInput } from "@/lib/validation/document";
import { MAX_LINES, newDocumentLine } from "@/lib/validation/document-line";
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
  const { submit, errors, clearError, status, pending, values, setValues, text } = useServerValidatedForm({
    initialValues: defaults,
    action: (values) => saveDocumentAction({ type, id, values }),
    onSuccess: (saved) => {
      router.push(`/documents/${type}/${saved.id}`);
      router.refresh();
    },
  });
  // React keys for the lines, so removing one keeps the others' inputs in place.
  const nextLineKey = useRef(values.lines.length);
  const [lineKeys, setLineKeys] = useState(() => values.lines.map((_, index) => index));
  const totals = previewTotals(values.lines);

  function setLine(index: number, name: keyof DocumentLineInput, value: string) {
    setValues((current) => ({ ...current, lines: current.lines.map((line, i) => (i === index ? { ...line, [name]: value } : line)) }));
    clearError(`lines.${index}.${name}`);
  }
  const lineField = (index: number, name: keyof DocumentLineInput) => ({
    name: `lines.${index}.${name}`,
    value: values.lines[index][name],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setLine(index, name, event.target.value),
  });
  function addLine() {
    setValues((current) => ({ ...current, lines: [...current.lines, newDocumentLine(defaultTaxRate)] }));
    setLineKeys((keys) => [...keys, nextLineKey.current++]);
    clearError("lines");
  }
  function removeLine(index: number) {
    setValues((current) => ({ ...current, lines: current.lines.filter((_, i) => i !== index) }));
    setLineKeys((keys) => keys.filter((_, i) => i !== index));
    // The lines after it move up: their errors, by position, would land on the wrong line.
    for (const field of Object.keys(errors).filter((field) => field.startsWith("lines."))) clearError(field);
  }

  const contactError = errors.contactId;
  const linesError = errors.lines;
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
            {...text("contactId")}
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
        <Field label={t("documents.fields.reference")} registration={text("reference")} error={errors.reference} autoComplete="off" />
        <Field label={t("documents.fields.issueDate")} type="date" registration={text("issueDate")} error={errors.issueDate} />
        {info.messages.dueDateLabel ? (
          <Field label={t(info.messages.dueDateLabel)} type="date" registration={text("dueDate")} error={errors.dueDate} />
        ) : null}
      </div>

      <section aria-labelledby={`${ids.notes}-lines`} className="lines">
        <h2 id={`${ids.notes}-lines`}>{t("documents.form.lines")}</h2>
        {values.lines.map((_, index) => {
          const lineError = (name: keyof DocumentLineInput) => errors[`lines.${index}.${name}`];
          const amount = totals.lines[index];
          const number = index + 1;
          return (
            <fieldset key={lineKeys[index]} className="line">
              <legend>{t("documents.form.line", { number })}</legend>
              <div className="line-grid">
                <Field label={t("documents.fields.description")} registration={lineField(index, "description")} error={lineError("description")} autoComplete="off" />
                <Field label={t("documents.fields.quantity")} registration={lineField(index, "quantity")} error={lineError("quantity")} inputProps={{ inputMode: "decimal" }} autoComplete="off" />
                <Field label={t("documents.fields.unitPrice")} registration={lineField(index, "unitPrice")} error={lineError("unitPrice")} inputProps={{ inputMode: "decimal" }} autoComplete="off" />
                <Field label={t("documents.fields.taxRate")} registration={lineField(index, "taxRate")} error={lineError("taxRate")} inputProps={{ inputMode: "decimal" }} autoComplete="off">
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
                  onClick={() => removeLine(index)}
                  disabled={values.lines.length === 1}
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
          <button type="button" className="secondary" onClick={addLine} disabled={values.lines.length >= MAX_LINES}>
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
          {...text("notes")}
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
