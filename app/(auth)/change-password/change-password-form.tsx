"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useActionForm } from "@/app/_components/use-action-form";
import { changeOwnPasswordSchema, type ChangeOwnPasswordInput } from "@/lib/validation/user-lifecycle";
import { changeOwnPassword } from "./actions";

export function ChangePasswordForm() {
  const t = useTranslations();
  const form = useForm<ChangeOwnPasswordInput>({ resolver: zodResolver(changeOwnPasswordSchema), defaultValues: { currentPassword: "", password: "" } });
  const { submit, status, pending } = useActionForm(form, {
    action: changeOwnPassword,
    onSuccess: () => {
      // Every session ended with the change: sign in again with the new password.
      window.location.assign("/login");
      return t("changePassword.done");
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} noValidate>
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
      <button type="submit" disabled={pending}>
        {t("changePassword.submit")}
      </button>
    </form>
  );
}
