"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Field, NewPasswordField } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useServerValidatedForm } from "@/app/_components/use-action-form";
import { addUserAction } from "./actions";

export function AddUserForm() {
  const t = useTranslations();
  const router = useRouter();
  const roleId = useId();
  const { submit, errors, status, pending } = useServerValidatedForm({
    action: addUserAction,
    onSuccess: (_, __, form) => {
      form.reset();
      router.refresh();
      return t("settings.users.added");
    },
  });
  return (
    <form onSubmit={submit} noValidate className="card">
      <div className="grid-2">
        <Field label={t("settings.users.name")} registration={{ name: "name" }} error={errors.name} />
        <Field label={t("settings.users.email")} type="email" registration={{ name: "email" }} error={errors.email} />
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={roleId}>{t("settings.users.role")}</label>
          <select id={roleId} name="role" defaultValue="staff">
            <option value="staff">{t("settings.users.roles.staff")}</option>
            <option value="admin">{t("settings.users.roles.admin")}</option>
          </select>
        </div>
        <NewPasswordField label={t("settings.users.password")} error={errors.password} />
      </div>
      <FormStatus kind={status?.kind ?? null}>{status?.text}</FormStatus>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? t("settings.users.adding") : t("settings.users.add")}
        </button>
      </div>
    </form>
  );
}
