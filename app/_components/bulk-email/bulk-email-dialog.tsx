"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Field, TextAreaField } from "@/app/_components/field";
import { applyFieldErrors } from "@/app/_components/apply-field-errors";
import { EmailDialogFrame, useOneAtATime } from "@/app/_components/email-dialog-frame";
import type { BatchDraft } from "@/lib/documents/bulk-email";
import type { DocumentType } from "@/lib/documents/types";
import { documentBatchSchema, type DocumentBatchInput } from "@/lib/validation/bulk-email";
import { draftDocumentBatchAction, queueDocumentBatchAction } from "./actions";

/**
 * Email selected: how many will go, who is skipped for lack of an address (by name), the type's
 * Subject and Message with their placeholders (filled per document), a preview of the first; Send
 * queues one email per document and opens the batch's progress.
 */
export default function BulkEmailDialog({ documentType, documentIds, opening }: { documentType: DocumentType; documentIds: number[]; opening: number }) {
  const t = useTranslations();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const sectionId = useId();
  const [draft, setDraft] = useState<BatchDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const oneAtATime = useOneAtATime();
  const form = useForm<DocumentBatchInput>({ resolver: zodResolver(documentBatchSchema) });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    setDraft(null);
    setError(null);
    let current = true;
    draftDocumentBatchAction({ documentType, documentIds }).then(
      (answer) => {
        if (!current) return;
        if (!answer.ok) return setError(t(`common.errors.${answer.error}`));
        setDraft(answer.data);
        form.reset({ documentType, documentIds, subject: answer.data.subject, message: answer.data.message, idempotencyKey: crypto.randomUUID() });
      },
      () => current && setError(t("common.errors.failed")),
    );
    return () => {
      current = false;
    };
    // Only a new request to open starts afresh.
  }, [opening]);

  // One click, one batch: the key also makes a resubmission queue nothing new.
  const send = (values: DocumentBatchInput) =>
    oneAtATime(
      async () => {
        const answer = await queueDocumentBatchAction(values);
        if (!answer.ok) {
          applyFieldErrors(form.setError, answer.fieldErrors);
          setError(answer.message ? t(answer.message) : t(`common.errors.${answer.error}`));
          return;
        }
        router.push(`/emails/batches/${answer.data.batchId}`);
      },
      () => setError(t("common.errors.failed")),
    );

  return (
    <EmailDialogFrame
      title={t("bulkEmail.dialogTitle", { count: documentIds.length })}
      dialog={dialog}
      opening={opening}
      onSubmit={form.handleSubmit(send)}
      error={error ? <p className="notice error">{error}</p> : null}
      submitLabel={t("bulkEmail.send")}
      submittingLabel={t("bulkEmail.sending")}
      cancelLabel={t("bulkEmail.cancel")}
      submitting={isSubmitting}
      submitDisabled={!draft?.sendable.length}
    >
      {draft ? (
        <>
          <p role="status">{t("bulkEmail.willSend", { count: draft.sendable.length })}</p>
          {draft.skipped.length ? (
            <section aria-labelledby={`${sectionId}-skipped`} className="notice warn">
              <h3 id={`${sectionId}-skipped`}>{t("bulkEmail.skippedHeading")}</h3>
              <ul>
                {draft.skipped.map((s) => (
                  <li key={s.documentId}>{t("bulkEmail.skippedItem", { reference: s.reference, contact: s.contactName })}</li>
                ))}
              </ul>
            </section>
          ) : null}
          {draft.sendable.length ? (
            <>
              <Field label={t("documentEmail.subject")} registration={form.register("subject")} error={errors.subject} />
              <TextAreaField label={t("documentEmail.message")} hint={t("documentEmail.messageHint")} registration={form.register("message")} error={errors.message} />
              {draft.preview ? (
                <section aria-labelledby={`${sectionId}-preview`}>
                  <h3 id={`${sectionId}-preview`}>{t("bulkEmail.previewHeading", { to: draft.preview.to })}</h3>
                  <p>
                    <strong>{draft.preview.subject}</strong>
                  </p>
                  <iframe title={t("documentEmail.emailPreview")} srcDoc={draft.preview.html} sandbox="" className="email-preview" />
                </section>
              ) : null}
            </>
          ) : (
            <p className="notice info">{t("bulkEmail.nothingToSend")}</p>
          )}
        </>
      ) : error ? null : (
        <p role="status">{t("bulkEmail.loading")}</p>
      )}
    </EmailDialogFrame>
  );
}
