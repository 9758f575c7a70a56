"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Field, TextAreaField } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useServerValidatedForm } from "@/app/_components/use-action-form";
import { contactKindInfo, type ContactKind } from "@/lib/contacts/kinds";
import type { ContactInput } from "@/lib/validation/contact";
import { createContactAction, updateContactAction } from "./actions";

/** Create (no `id`) or edit one customer or supplier. */
export function ContactForm({ kind, id, defaults }: { kind: ContactKind; id?: number; defaults?: ContactInput }) {
  const t = useTranslations();
  const router = useRouter();
  const { submit, errors, status, pending } = useServerValidatedForm({
    action: (values) => (id === undefined ? createContactAction({ ...values, kind }) : updateContactAction({ ...values, kind, id })),
    onSuccess: (created) => {
      if (created) {
        router.push(`${contactKindInfo[kind].basePath}/${created.id}`);
        return;
      }
      router.refresh();
      return t("common.saved");
    },
  });
  return (
    // Remounted with the saved values after an edit, so the fields show them as stored (e.g. the address list normalized).
    <form key={JSON.stringify(defaults)} onSubmit={submit} noValidate className="card">
      <Field label={t("contacts.fields.name")} registration={{ name: "name", defaultValue: defaults?.name }} error={errors.name} autoComplete="off" />
      <Field
        label={t("contacts.fields.emails")}
        registration={{ name: "emails", defaultValue: defaults?.emails }}
        error={errors.emails}
        hint={t("contacts.fields.emailsHint")}
        inputProps={{ inputMode: "email", spellCheck: false }}
        autoComplete="off"
      />
      <TextAreaField label={t("contacts.fields.address")} rows={4} registration={{ name: "address", defaultValue: defaults?.address }} error={errors.address} />
      <Field label={t("contacts.fields.taxId")} registration={{ name: "taxId", defaultValue: defaults?.taxId }} error={errors.taxId} autoComplete="off" />
      <FormStatus kind={status?.kind ?? null}>{status?.text}</FormStatus>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? t("common.saving") : id === undefined ? t("common.create") : t("common.save")}
        </button>
      </div>
    </form>
  );
}
