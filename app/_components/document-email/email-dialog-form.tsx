"use client";

import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Field, TextAreaField } from "@/app/_components/field";
import { applyFieldErrors } from "@/app/_components/apply-field-errors";
import { DiagnosisReport } from "@/app/_components/diagnosis-report";
import { EmailDialogFrame, useOneAtATime } from "@/app/_components/email-dialog-frame";
import type { MailFailure } from "@/lib/mail/types";
import { documentEmailSchema, type DocumentEmailInput } from "@/lib/validation/send-email";
import { previewEmailAction, sendDocumentEmailAction } from "./actions";
import { attemptSettled } from "./email-status-poller";

export interface EmailDialogProps {
  documentId: number;
  documentLabel: string;
  to: string;
  subject: string;
  message: string;
  previewHtml: string;
  pdfUrl: string;
  filename: string;
  smtpHost?: string;
  smtpPort?: number;
}

/**
 * The Email dialog: To, Cc, Subject, Message, previews, Send / Cancel. Opens afresh each time
 * `opening` changes; tells `onSent` what to announce once the dialog has closed.
 */
export default function EmailDialogForm({ opening, onSent, ...props }: EmailDialogProps & { opening: number; onSent: (text: string) => void }) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<MailFailure | null>(null);
  const [previewHtml, setPreviewHtml] = useState(props.previewHtml);
  const oneAtATime = useOneAtATime();

  const fresh = (): DocumentEmailInput => ({
    documentId: props.documentId,
    to: props.to,
    cc: "",
    subject: props.subject,
    message: props.message,
    idempotencyKey: crypto.randomUUID(),
  });
  const form = useForm<DocumentEmailInput>({ resolver: zodResolver(documentEmailSchema), defaultValues: fresh() });
  const message = useWatch({ control: form.control, name: "message" });
  const { errors, isSubmitting } = form.formState;

  // The email preview follows the message, rendered by the same code that builds the real email.
  useEffect(() => {
    const timer = setTimeout(async () => {
      const result = await previewEmailAction({ documentId: props.documentId, message });
      if (result.ok) setPreviewHtml(result.data);
    }, 400);
    return () => clearTimeout(timer);
  }, [message]);

  useEffect(() => {
    form.reset(fresh());
    setFailure(null);
    setError(null);
    // Only a new request to open resets the form, not a re-render with new props.
  }, [opening]);

  // One click, one email: a second click while sending is ignored, and the server also refuses a
  // second send with the same idempotency key. A request that fails outright (connection lost,
  // server restarting) leaves the log to tell whether the email was recorded; the same key makes
  // a second Send safe.
  const send = (values: DocumentEmailInput) =>
    oneAtATime(
      async () => {
        setFailure(null);
        const result = await sendDocumentEmailAction(values);
        if (!result.ok) {
          applyFieldErrors(form.setError, result.fieldErrors);
          setError(result.message ? t(result.message) : t(`common.errors.${result.error}`));
          return;
        }
        // Queued: the worker starts on it at once; the dialog follows the first attempt to its end.
        const settled = result.data.status === "queued" || result.data.status === "sending" ? await attemptSettled(result.data.emailId) : null;
        router.refresh();
        const status = settled?.status ?? result.data.status;
        if (status === "failed" || status === "interrupted") {
          // That attempt is over and logged; pressing Send again is a deliberate new email.
          form.setValue("idempotencyKey", crypto.randomUUID());
          const failed = settled?.failure ?? ("failure" in result.data ? result.data.failure : null);
          if (failed) setFailure(failed);
          setError(t("documentEmail.failed"));
          return;
        }
        dialog.current?.close();
        if (status === "sent") onSent(t("documentEmail.sent", { to: values.to }));
        else if (status === "retrying" && settled?.nextAttemptAt)
          onSent(t("documentEmail.retryingLater", { time: format.dateTime(new Date(settled.nextAttemptAt), { hour: "2-digit", minute: "2-digit" }), attempt: settled.attempts + 1, max: settled.maxAttempts }));
        else onSent(t("documentEmail.queued", { to: values.to }));
      },
      () => setError(t("common.errors.failed")),
    );

  return (
    <EmailDialogFrame
      title={t("documentEmail.dialogTitle", { document: props.documentLabel })}
      dialog={dialog}
      opening={opening}
      onSubmit={form.handleSubmit(send)}
      onClose={() => setFailure(null)}
      error={
        error ? (
          <div className="notice error">
            <p>{error}</p>
            {failure ? <DiagnosisReport failure={failure} host={props.smtpHost} port={props.smtpPort} /> : null}
          </div>
        ) : null
      }
      submitLabel={t("documentEmail.send")}
      submittingLabel={t("documentEmail.sending")}
      cancelLabel={t("documentEmail.cancel")}
      submitting={isSubmitting}
    >
      <Field label={t("documentEmail.to")} hint={t("documentEmail.toHint")} registration={form.register("to")} error={errors.to} />
      <Field label={t("documentEmail.cc")} registration={form.register("cc")} error={errors.cc} />
      <Field label={t("documentEmail.subject")} registration={form.register("subject")} error={errors.subject} />
      <TextAreaField label={t("documentEmail.message")} hint={t("documentEmail.messageHint")} registration={form.register("message")} error={errors.message} />
      <p className="hint">
        {t("documentEmail.attachment", { filename: props.filename })}{" "}
        <a href={props.pdfUrl} target="_blank" rel="noopener">
          {t("documentEmail.openPdf")}
        </a>
      </p>
      <div className="previews">
        <iframe title={t("documentEmail.emailPreview")} srcDoc={previewHtml} sandbox="" className="email-preview" />
        <iframe title={t("documentEmail.pdfPreview")} src={props.pdfUrl} className="pdf-preview" />
      </div>
    </EmailDialogFrame>
  );
}
