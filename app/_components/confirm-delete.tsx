"use client";

import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/validation/action-result";
import { FormStatus } from "./form-status";
import { translateMessage } from "./field";

/**
 * A Delete button that asks once more in place (no browser dialog), runs the bound server action,
 * then leaves for `redirectTo`. A refusal (e.g. "still has documents") is announced as an alert.
 */
export function ConfirmDelete({
  action,
  redirectTo,
  labels,
}: {
  action: () => Promise<ActionResult>;
  redirectTo: string;
  /** `button` replaces "Delete" where the action is not a deletion (e.g. Disconnect). */
  labels: { question: string; confirm: string; pending: string; button?: string };
}) {
  const t = useTranslations();
  const router = useRouter();
  const questionId = useId();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const deleteButton = useRef<HTMLButtonElement>(null);

  function confirm() {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        router.push(redirectTo);
        router.refresh();
        return;
      }
      setAsking(false);
      setError(translateMessage(t, result.fieldErrors?._form ?? `common.errors.${result.error}`));
      deleteButton.current?.focus();
    });
  }

  return (
    <div className="confirm-delete no-print">
      {asking ? (
        <div role="group" aria-labelledby={questionId} className="row">
          <span id={questionId}>{labels.question}</span>
          <button type="button" className="danger" onClick={confirm} disabled={pending} autoFocus>
            {pending ? labels.pending : labels.confirm}
          </button>
          <button type="button" className="secondary" onClick={() => setAsking(false)} disabled={pending}>
            {t("common.cancel")}
          </button>
        </div>
      ) : (
        <button ref={deleteButton} type="button" className="danger" onClick={() => setAsking(true)}>
          {labels.button ?? t("common.delete")}
        </button>
      )}
      <FormStatus kind={error ? "error" : null}>{error}</FormStatus>
    </div>
  );
}
