"use client";

import { useId } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Field, FieldErrorText } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useActionForm } from "@/app/_components/use-action-form";
import type { DocumentType } from "@/lib/documents/types";
import { emailTemplateSchema, type EmailTemplateInput } from "@/lib/validation/email-template";
import { resetEmailTemplateAction, saveEmailTemplateAction } from "./actions";

export function TemplateForm(props: { documentType: DocumentType; heading: string; subject: string; body: string; custom: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const headingId = useId();
  const bodyId = useId();
  const form = useForm<EmailTemplateInput>({
    resolver: zodResolver(emailTemplateSchema),
    values: { documentType: props.documentType, subject: props.subject, body: props.body },
  });

  const { submit, status, setStatus, pending } = useActionForm(form, {
    action: saveEmailTemplateAction,
    onSuccess: () => {
      router.refresh();
      return t("templates.saved");
    },
  });

  async function reset() {
    setStatus(null);
    const result = await resetEmailTemplateAction({ documentType: props.documentType });
    setStatus(result.ok ? { kind: "ok", text: t("templates.resetDone") } : { kind: "error", text: t(`common.errors.${result.error}`) });
    router.refresh();
  }

  const { errors } = form.formState;
  return (
    <form onSubmit={submit} noValidate className="card" aria-labelledby={headingId} data-template={props.documentType}>
      <h3 id={headingId}>
        {props.heading} <span className="badge">{props.custom ? t("templates.custom") : t("templates.default")}</span>
      </h3>
      <Field label={t("templates.subject")} registration={form.register("subject")} error={errors.subject} />
      <div className="field">
        <label htmlFor={bodyId}>{t("templates.body")}</label>
        <textarea id={bodyId} rows={8} aria-invalid={errors.body ? true : undefined} aria-describedby={errors.body ? `${bodyId}-error` : undefined} {...form.register("body")} />
        <FieldErrorText id={`${bodyId}-error`} error={errors.body} />
      </div>
      <FormStatus kind={status?.kind ?? null}>{status?.text}</FormStatus>
      <div className="row">
        <button type="submit" disabled={pending}>
          {t("templates.save")}
        </button>
        {props.custom ? (
          <button type="button" className="secondary" onClick={reset}>
            {t("templates.reset")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
