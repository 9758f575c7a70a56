"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useActionForm } from "@/app/_components/use-action-form";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/validation/user-lifecycle";
import { resetPassword } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations();
  const form = useForm<ResetPasswordInput>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { token, password: "" } });
  const { submit, status, pending } = useActionForm(form, {
    action: resetPassword,
    errorText: (failure) => (failure.message ? t(failure.message) : undefined),
    onSuccess: () => t("resetPassword.done"),
  });
  return (
    <form onSubmit={submit} noValidate>
      <Field
        label={t("resetPassword.new")}
        type="password"
        autoComplete="new-password"
        hint={t("setup.passwordHint")}
        registration={form.register("password")}
        error={form.formState.errors.password}
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
      <button type="submit" disabled={pending || status?.kind === "ok"}>
        {t("resetPassword.submit")}
      </button>
    </form>
  );
}
