"use client";

import { useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/validation/action-result";
import { applyFieldErrors } from "./apply-field-errors";

export type ActionFormStatus = { kind: "ok" | "error"; text: string } | null;
type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * The forms' one submit pattern: the form's schema has validated the fields, the server action
 * answers, its field errors land on the fields and the status region says what happened.
 * `onSuccess` may return the success message to show; `errorText` overrides the generic one.
 */
export function useActionForm<TInput extends FieldValues, TOutput, R>(
  form: UseFormReturn<TInput, unknown, TOutput>,
  {
    action,
    onSuccess,
    errorText,
  }: {
    action: (values: TOutput) => Promise<ActionResult<R>>;
    onSuccess: (data: R, values: TOutput) => string | void | Promise<string | void>;
    errorText?: (failure: Failure) => string | undefined;
  },
) {
  const t = useTranslations();
  const [status, setStatus] = useState<ActionFormStatus>(null);
  const submit = form.handleSubmit(async (values) => {
    setStatus(null);
    const result = await action(values);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setStatus({ kind: "error", text: errorText?.(result) ?? t(`common.errors.${result.error}`) });
      return;
    }
    const text = await onSuccess(result.data, values);
    if (text) setStatus({ kind: "ok", text });
  });
  return { submit, status, setStatus, pending: form.formState.isSubmitting };
}
