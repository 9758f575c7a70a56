"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Field, FieldErrorText } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { applyFieldErrors } from "@/app/_components/apply-field-errors";
import { contactKindInfo, type ContactKind } from "@/lib/contacts/kinds";
import { contactSchema, type ContactInput, type ContactValues } from "@/lib/validation/contact";
import { createContactAction, updateContactAction } from "./actions";

/** Create (no `id`) or edit one customer or supplier. */
export function ContactForm({ kind, id, defaults }: { kind: ContactKind; id?: number; defaults?: ContactInput }) {
  const t = useTranslations();
  const router = useRouter();
  const addressId = useId();
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const form = useForm<ContactInput, unknown, ContactValues>({
    resolver: zodResolver(contactSchema),
    defaultValues: defaults ?? { name: "", emails: "", address: "" },
  });

  async function onSubmit(values: ContactValues) {
    setStatus(null);
    const result = id === undefined ? await createContactAction({ ...values, kind }) : await updateContactAction({ ...values, kind, id });
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setStatus({ kind: "error", text: t(`common.errors.${result.error}`) });
      return;
    }
    if (result.data) {
      router.push(`${contactKindInfo[kind].basePath}/${result.data.id}`);
      return;
    }
    form.reset(values);
    setStatus({ kind: "ok", text: t("common.saved") });
    router.refresh();
  }

  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="card">
      <Field label={t("contacts.fields.name")} registration={form.register("name")} error={errors.name} autoComplete="off" />
      <Field
        label={t("contacts.fields.emails")}
        registration={form.register("emails")}
        error={errors.emails}
        hint={t("contacts.fields.emailsHint")}
        inputProps={{ inputMode: "email", spellCheck: false }}
        autoComplete="off"
      />
      <div className="field">
        <label htmlFor={addressId}>{t("contacts.fields.address")}</label>
        <textarea
          id={addressId}
          rows={4}
          aria-invalid={errors.address ? true : undefined}
          aria-describedby={errors.address ? `${addressId}-error` : undefined}
          {...form.register("address")}
        />
        <FieldErrorText id={`${addressId}-error`} error={errors.address} />
      </div>
      <FormStatus kind={status?.kind ?? null}>{status?.text}</FormStatus>
      <div>
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("common.saving") : id === undefined ? t("common.create") : t("common.save")}
        </button>
      </div>
    </form>
  );
}
