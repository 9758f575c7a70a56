"use client";

import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Field } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { applyFieldErrors } from "@/app/_components/apply-field-errors";
import { newUserSchema, type NewUserInput } from "@/lib/validation/auth";
import { addUserAction } from "./actions";

const empty: NewUserInput = { name: "", email: "", role: "staff", password: "" };

export function AddUserForm() {
  const t = useTranslations();
  const router = useRouter();
  const roleId = useId();
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const form = useForm<NewUserInput>({ resolver: zodResolver(newUserSchema), defaultValues: empty });

  async function onSubmit(values: NewUserInput) {
    setStatus(null);
    const result = await addUserAction(values);
    if (result.ok) {
      form.reset(empty);
      setStatus({ kind: "ok", text: t("settings.users.added") });
      router.refresh();
    } else {
      applyFieldErrors(form.setError, result.fieldErrors);
      setStatus({ kind: "error", text: t(`common.errors.${result.error}`) });
    }
  }

  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="card">
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
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("settings.users.adding") : t("settings.users.add")}
        </button>
      </div>
    </form>
  );
}
