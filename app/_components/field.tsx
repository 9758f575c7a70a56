"use client";

import { useId } from "react";
import type { FieldError, UseFormRegisterReturn } from "react-hook-form";
import { useTranslations } from "next-intl";
import { parseMessage } from "@/lib/validation/message";

/** A react-hook-form field, or the plain control's name with its starting or current value (see useServerValidatedForm). */
type Registration =
  | UseFormRegisterReturn
  | { name: string; defaultValue?: string; value?: string; onChange?: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void };
type ErrorLike = FieldError | { message?: string };

/** The label, hint and translated error around one control, wired up for screen readers. */
function Labelled({
  label,
  hint,
  error,
  control,
  children,
}: {
  label: string;
  hint?: React.ReactNode;
  error?: ErrorLike;
  control: (a11y: { id: string; "aria-describedby"?: string; "aria-invalid"?: true }) => React.ReactNode;
  children?: React.ReactNode;
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
      {control({ id, "aria-describedby": describedBy || undefined, "aria-invalid": error?.message ? true : undefined })}
      {children}
      <FieldErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

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
  registration: Registration;
  error?: ErrorLike;
  hint?: React.ReactNode;
  type?: string;
  autoComplete?: string;
  children?: React.ReactNode;
  inputProps?: React.InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <Labelled label={label} hint={hint} error={error} control={(a11y) => <input {...a11y} type={type} autoComplete={autoComplete} {...inputProps} {...registration} />}>
      {children}
    </Labelled>
  );
}

/** A labelled textarea with its hint and translated error, wired up like Field. */
export function TextAreaField({ label, hint, registration, error, rows = 8 }: { label: string; hint?: React.ReactNode; registration: Registration; error?: ErrorLike; rows?: number }) {
  return <Labelled label={label} hint={hint} error={error} control={(a11y) => <textarea {...a11y} rows={rows} {...registration} />} />;
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
