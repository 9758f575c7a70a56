"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { applyFieldErrors } from "@/app/_components/apply-field-errors";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/validation/user-lifecycle";
import { resetPassword } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations();
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const form = useForm<ResetPasswordInput>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { token, password: "" } });

  async function onSubmit(values: ResetPasswordInput) {
    setStatus(null);
    const result = await resetPassword(values);
    if (result.ok) {
      setStatus({ kind: "ok", text: t("resetPassword.done") });
      return;
    }
    applyFieldErrors(form.setError, result.fieldErrors);
    setStatus({ kind: "error", text: result.message ? t(result.message) : t(`common.errors.${result.error}`) });
  }

  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
      <Field
        label={t("resetPassword.new")}
        type="password"
        autoComplete="new-password"
        hint={t("setup.passwordHint")}
        registration={form.register("password")}
        error={errors.password}
      />
      <FormStatus kind={status?.kind ?? null}>
        {status?.text}
        {status?.kind === "ok" ? (
          <>
            {" "}
            <a href="/login">{t("resetPassword.signIn")}</a>
          </>
        ) : null}
      </FormStatus>
      <button type="submit" disabled={isSubmitting || (isSubmitSuccessful && status?.kind === "ok")}>
        {t("resetPassword.submit")}
      </button>
    </form>
  );
}
