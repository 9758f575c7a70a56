"use client";

import { useEffect, useRef, useState, type ChangeEvent, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/validation/action-result";

export type ActionFormStatus = { kind: "ok" | "error"; text: string } | null;
type Failure = Extract<ActionResult<unknown>, { ok: false }>;

type FieldErrors = Record<string, { message: string }>;

/**
 * The forms' one submit pattern, without react-hook-form or a schema in the browser: the action's
 * shared schema checks the fields, its field errors come back next to them (the first one focused)
 * and the status region says what happened. The values sent are the form's fields as typed, or,
 * with `initialValues` (forms whose fields follow each other as you type), values kept in state
 * that `text`, `checkbox` and `set` wire to the inputs. Editing a field clears its error until the
 * next check. `onSuccess` may return the success message to show; `errorText` overrides the generic one.
 * `check`, when given, runs the action's own schema in the browser first (loaded when first
 * needed, so it weighs nothing on first load) and answers bad input without a round trip.
 */
export function useServerValidatedForm<R, V extends object = Record<string, string>>({
  action,
  onSuccess,
  errorText,
  initialValues,
  check,
}: {
  action: (values: NoInfer<V>) => Promise<ActionResult<R>>;
  /** Field errors for these values (the message keys the action would answer), or null when they pass. */
  check?: (values: NoInfer<V>) => Promise<Record<string, string> | null>;
  onSuccess: (data: R, values: NoInfer<V>, form: HTMLFormElement) => string | void | Promise<string | void>;
  errorText?: (failure: Failure) => string | undefined;
  initialValues?: V;
}) {
  const t = useTranslations();
  const [status, setStatus] = useState<ActionFormStatus>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [values, setValues] = useState<V>(() => initialValues ?? ({} as V));
  const focusWithin = useRef<Element | null>(null);

  // Once the errors are on screen, the first field (in page order) the answer named takes the focus.
  useEffect(() => {
    const scope = focusWithin.current;
    focusWithin.current = null;
    [...(scope?.querySelectorAll<HTMLElement>("[name]") ?? [])].find((el) => errors[el.getAttribute("name") ?? ""])?.focus();
  }, [errors]);

  /** Shows an answer's field errors (replacing the previous ones) and focuses the first inside `scope`. */
  function showFieldErrors(fieldErrors: Record<string, string> | undefined, scope: Element | null) {
    setErrors(Object.fromEntries(Object.entries(fieldErrors ?? {}).map(([field, message]) => [field, { message }])));
    focusWithin.current = scope;
  }

  function clearError(name: string) {
    setErrors((current) => (name in current ? Object.fromEntries(Object.entries(current).filter(([field]) => field !== name)) : current));
  }

  function set<K extends keyof V & string>(name: K, value: V[K]) {
    setValues((current) => ({ ...current, [name]: value }));
    clearError(name);
  }

  const text = (name: keyof V & string) => ({
    name,
    value: String(values[name] ?? ""),
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => set(name, event.target.value as V[typeof name]),
  });
  const checkbox = (name: keyof V & string) => ({
    name,
    checked: Boolean(values[name]),
    onChange: (event: ChangeEvent<HTMLInputElement>) => set(name, event.target.checked as V[typeof name]),
  });

  /** The form's submit handler; a button outside the form's own submit (a sign-in inside a bigger form) may call it too. */
  async function submit(event: SyntheticEvent<HTMLElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget.closest("form");
    if (!form) return;
    const sent = initialValues ? values : (Object.fromEntries([...new FormData(form)].map(([name, value]) => [name, String(value)])) as V);
    setPending(true);
    setStatus(null);
    try {
      const fieldErrors = await check?.(sent);
      if (fieldErrors) {
        showFieldErrors(fieldErrors, form);
        setStatus({ kind: "error", text: t("common.errors.invalid") });
        return;
      }
      const result = await action(sent);
      if (!result.ok) {
        showFieldErrors(result.fieldErrors, form);
        setStatus({ kind: "error", text: errorText?.(result) ?? t(`common.errors.${result.error}`) });
        return;
      }
      setErrors({});
      const text = await onSuccess(result.data, sent, form);
      if (text) setStatus({ kind: "ok", text });
    } catch {
      setStatus({ kind: "error", text: t("common.errors.failed") });
    } finally {
      setPending(false);
    }
  }
  return { submit, errors, showFieldErrors, clearError, status, setStatus, pending, values, setValues, set, text, checkbox };
}
