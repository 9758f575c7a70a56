"use client";

import { useState, type FormEvent } from "react";
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

/**
 * The same pattern for a plain form without react-hook-form or a schema in the browser: the fields
 * go to the server action as typed, its shared schema checks them, and its field errors come back
 * to the fields. Keeps zod and react-hook-form off pages that need no live validation.
 */
export function useServerValidatedForm<R>({
  action,
  onSuccess,
  errorText,
}: {
  action: (values: Record<string, string>) => Promise<ActionResult<R>>;
  onSuccess: (data: R, values: Record<string, string>, form: HTMLFormElement) => string | void | Promise<string | void>;
  errorText?: (failure: Failure) => string | undefined;
}) {
  const t = useTranslations();
  const [status, setStatus] = useState<ActionFormStatus>(null);
  const [errors, setErrors] = useState<Record<string, { message: string }>>({});
  const [pending, setPending] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const values = Object.fromEntries([...new FormData(form)].map(([name, value]) => [name, String(value)]));
    setPending(true);
    setStatus(null);
    try {
      const result = await action(values);
      if (!result.ok) {
        setErrors(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([field, message]) => [field, { message }])));
        setStatus({ kind: "error", text: errorText?.(result) ?? t(`common.errors.${result.error}`) });
        return;
      }
      setErrors({});
      const text = await onSuccess(result.data, values, form);
      if (text) setStatus({ kind: "ok", text });
    } catch {
      setStatus({ kind: "error", text: t("common.errors.failed") });
    } finally {
      setPending(false);
    }
  }
  return { submit, errors, status, setStatus, pending };
}
