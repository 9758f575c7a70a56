"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { signInWithPassword } from "@/lib/auth/browser";

/**
 * A plain form, no schema in the browser: next-auth's authorize() reads the fields, and a blank or
 * wrong one gets the one generic answer that wrong credentials get.
 */
export function LoginForm() {
  const t = useTranslations("login");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const fields = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signInWithPassword(String(fields.get("email")), String(fields.get("password")));
      if (result.ok) {
        window.location.assign("/");
        return;
      }
      const throttled = /^throttled:(\d+)$/.exec(result.error ?? "");
      if (throttled) setError(t("throttled", { minutes: Number(throttled[1]) }));
      else if (result.error === "invalid" || result.error === "CredentialsSignin") setError(t("invalid"));
      else setError(t("failed"));
    } catch {
      setError(t("failed"));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Field label={t("email")} type="email" autoComplete="username" registration={{ name: "email" }} />
      <Field label={t("password")} type="password" autoComplete="current-password" registration={{ name: "password" }} />
      <FormStatus kind={error ? "error" : null}>{error}</FormStatus>
      <button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
