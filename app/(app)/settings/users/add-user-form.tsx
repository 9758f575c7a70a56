"use client";

import { useId } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Field } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useActionForm } from "@/app/_components/use-action-form";
import { newUserSchema, type NewUserInput } from "@/lib/validation/auth";
import { addUserAction } from "./actions";

const empty: NewUserInput = { name: "", email: "", role: "staff", password: "" };

export function AddUserForm() {
  const t = useTranslations();
  const router = useRouter();
  const roleId = useId();
  const form = useForm<NewUserInput>({ resolver: zodResolver(newUserSchema), defaultValues: empty });
  const { submit, status, pending } = useActionForm(form, {
    action: addUserAction,
    onSuccess: () => {
      form.reset(empty);
      router.refresh();
      return t("settings.users.added");
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} noValidate className="card">
      <div className="grid-2">
        <Field label={t("settings.users.name")} registration={form.register("name")} error={errors.name} />
        <Field label={t("settings.users.email")} type="email" registration={form.register("email")} error={errors.email} />
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={roleId}>{t("settings.users.role")}</label>
          <select id={roleId} {...form.register("role")}>
            <option value="staff">{t("settings.users.roles.staff")}</option>
            <option value="admin">{t("settings.users.roles.admin")}</option>
          </select>
        </div>
        <Field
          label={t("settings.users.password")}
          type="password"
          autoComplete="new-password"
          hint={t("setup.passwordHint")}
          registration={form.register("password")}
          error={errors.password}
        />
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
