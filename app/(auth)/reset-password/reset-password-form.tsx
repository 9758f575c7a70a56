"use client";

import { useTranslations } from "next-intl";
import { NewPasswordField } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useServerValidatedForm } from "@/app/_components/use-action-form";
import { resetPassword } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations();
  const { submit, errors, status, pending } = useServerValidatedForm({
    action: resetPassword,
    errorText: (failure) => (failure.message ? t(failure.message) : undefined),
    onSuccess: () => t("resetPassword.done"),
  });
  return (
    <form onSubmit={submit} noValidate>
      <NewPasswordField label={t("resetPassword.new")} error={errors.password} />
      <input type="hidden" name="token" value={token} />
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
