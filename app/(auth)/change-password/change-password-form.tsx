"use client";

import { useTranslations } from "next-intl";
import { Field, NewPasswordField } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useServerValidatedForm } from "@/app/_components/use-action-form";
import { changeOwnPassword } from "./actions";

export function ChangePasswordForm() {
  const t = useTranslations();
  const { submit, errors, status, pending } = useServerValidatedForm({
    action: changeOwnPassword,
    onSuccess: () => {
      // Every session ended with the change: sign in again with the new password.
      window.location.assign("/login");
      return t("changePassword.done");
    },
  });
  return (
    <form onSubmit={submit} noValidate>
      <Field label={t("changePassword.current")} type="password" autoComplete="current-password" registration={{ name: "currentPassword" }} error={errors.currentPassword} />
      <NewPasswordField label={t("changePassword.new")} error={errors.password} />
      <FormStatus kind={status?.kind ?? null}>{status?.text}</FormStatus>
      <button type="submit" disabled={pending}>
        {t("changePassword.submit")}
      </button>
    </form>
  );
}
