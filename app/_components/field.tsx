"use client";

import { useId } from "react";
import type { FieldError, UseFormRegisterReturn } from "react-hook-form";
import { useTranslations } from "next-intl";
import { parseMessage } from "@/lib/validation/message";

/** A labelled input with its hint and translated error wired up for screen readers. */
export function Field({
  label,
  registration,
  error,
  hint,
  type = "text",
  autoComplete,
  children,
  inputProps,
}: {
  label: string;
  /** A react-hook-form field, or the plain input's name and starting value (see useServerValidatedForm). */
  registration: UseFormRegisterReturn | { name: string; defaultValue?: string };
  error?: FieldError | { message?: string };
  hint?: React.ReactNode;
  type?: string;
  autoComplete?: string;
  children?: React.ReactNode;
  inputProps?: React.InputHTMLAttributes<HTMLInputElement>;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error?.message ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        aria-invalid={error?.message ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...inputProps}
        {...registration}
      />
      {children}
      <FieldErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

/** A labelled textarea with its hint and translated error, wired up like Field. */
export function TextAreaField({
  label,
  hint,
  registration,
  error,
  rows = 8,
}: {
  label: string;
  hint: React.ReactNode;
  registration: UseFormRegisterReturn;
  error?: FieldError | { message?: string };
  rows?: number;
}) {
  const id = useId();
  const describedBy = [`${id}-hint`, error?.message ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div id={`${id}-hint`} className="hint">
        {hint}
      </div>
      <textarea id={id} rows={rows} aria-describedby={describedBy} aria-invalid={error?.message ? true : undefined} {...registration} />
      <FieldErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

/** The "password" field of every form that sets one: the password rules as its hint, new-password autocomplete. */
export function NewPasswordField({ label, error }: { label: string; error?: { message?: string } }) {
  const t = useTranslations();
  return <Field label={label} type="password" autoComplete="new-password" hint={t("setup.passwordHint")} registration={{ name: "password" }} error={error} />;
}

export function FieldErrorText({ id, error }: { id: string; error?: { message?: string } }) {
  const t = useTranslations();
  if (!error?.message) return null;
  return (
    <p id={id} className="field-error">
      {translateMessage(t, error.message)}
    </p>
  );
}

/** Schema messages are catalog keys (with values when needed); anything else is shown as is. */
export function translateMessage(t: ReturnType<typeof useTranslations>, message: string): string {
  const { key, params } = parseMessage(message);
  return t.has(key) ? t(key, params) : message;
}
