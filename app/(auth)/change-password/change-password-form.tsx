"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { applyFieldErrors } from "@/app/_components/apply-field-errors";
import { changeOwnPasswordSchema, type ChangeOwnPasswordInput } from "@/lib/validation/user-lifecycle";
import { changeOwnPassword } from "./actions";

export function ChangePasswordForm() {
  const t = useTranslations();
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const form = useForm<ChangeOwnPasswordInput>({ resolver: zodResolver(changeOwnPasswordSchema), defaultValues: { currentPassword: "", password: "" } });

  async function onSubmit(values: ChangeOwnPasswordInput) {
    setStatus(null);
    const result = await changeOwnPassword(values);
    if (result.ok) {
      // Every session ended with the change: sign in again with the new password.
      setStatus({ kind: "ok", text: t("changePassword.done") });
      window.location.assign("/login");
      return;
    }
    applyFieldErrors(form.setError, result.fieldErrors);
    setStatus({ kind: "error", text: t(`common.errors.${result.error}`) });
  }

  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
      <Field label={t("changePassword.current")} type="password" autoComplete="current-password" registration={form.register("currentPassword")} error={errors.currentPassword} />
      <Field
        label={t("changePassword.new")}
        type="password"
        autoComplete="new-password"
        hint={t("setup.passwordHint")}
        registration={form.register("password")}
        error={errors.password}
      />
      <FormStatus kind={status?.kind ?? null}>{status?.text}</FormStatus>
      <button type="submit" disabled={isSubmitting}>
        {t("changePassword.submit")}
      </button>
    </form>
  );
}
