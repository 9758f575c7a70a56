"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Field, TextAreaField } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useServerValidatedForm } from "@/app/_components/use-action-form";
import type { DocumentType } from "@/lib/documents/types";
import { resetEmailTemplateAction, saveEmailTemplateAction } from "./actions";

export function TemplateForm(props: { documentType: DocumentType; heading: string; subject: string; body: string; custom: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const headingId = useId();
  // Placeholders are checked on save by the action's schema, so the Markdown parser stays off the page.
  const { submit, errors, status, setStatus, pending } = useServerValidatedForm({
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

  return (
    // Remounted with the stored text after a save or a reset.
    <form
      key={`${props.custom}:${props.subject}:${props.body}`}
      onSubmit={submit}
      noValidate
      className="card"
      aria-labelledby={headingId}
      data-template={props.documentType}
    >
      <input type="hidden" name="documentType" value={props.documentType} />
      <h3 id={headingId}>
        {props.heading} <span className="badge">{props.custom ? t("templates.custom") : t("templates.default")}</span>
      </h3>
      <Field label={t("templates.subject")} registration={{ name: "subject", defaultValue: props.subject }} error={errors.subject} />
      <TextAreaField label={t("templates.body")} registration={{ name: "body", defaultValue: props.body }} error={errors.body} />
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
