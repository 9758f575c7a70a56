"use client";

import { useId } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Field, FieldErrorText } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useActionForm } from "@/app/_components/use-action-form";
import { contactKindInfo, type ContactKind } from "@/lib/contacts/kinds";
import { contactSchema, type ContactInput, type ContactValues } from "@/lib/validation/contact";
import { createContactAction, updateContactAction } from "./actions";

/** Create (no `id`) or edit one customer or supplier. */
export function ContactForm({ kind, id, defaults }: { kind: ContactKind; id?: number; defaults?: ContactInput }) {
  const t = useTranslations();
  const router = useRouter();
  const addressId = useId();
  const form = useForm<ContactInput, unknown, ContactValues>({
    resolver: zodResolver(contactSchema),
    defaultValues: defaults ?? { name: "", emails: "", address: "" },
  });

  const { submit, status, pending } = useActionForm(form, {
    action: (values: ContactValues) =>
      id === undefined ? createContactAction({ ...values, kind }) : updateContactAction({ ...values, kind, id }),
    onSuccess: (created, values) => {
      if (created) {
        router.push(`${contactKindInfo[kind].basePath}/${created.id}`);
        return;
      }
      form.reset(values);
      router.refresh();
      return t("common.saved");
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} noValidate className="card">
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
        <button type="submit" disabled={pending}>
          {pending ? t("common.saving") : id === undefined ? t("common.create") : t("common.save")}
        </button>
      </div>
    </form>
  );
}
