"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { applyFieldErrors } from "@/app/_components/apply-field-errors";
import { signInWithPassword } from "@/lib/auth/browser";
import { setupSchema, type SetupInput } from "@/lib/validation/auth";
import { createFirstAdmin } from "./actions";

export function SetupForm() {
  const t = useTranslations();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SetupInput>({
    resolver: zodResolver(setupSchema),
    defaultValues: { businessName: "", name: "", email: "", password: "" },
  });

  async function onSubmit(values: SetupInput) {
    setError(null);
    const result = await createFirstAdmin(values);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setError(result.error === "forbidden" ? t("setup.alreadyDone") : t(`common.errors.${result.error}`));
      return;
    }
    const signedIn = await signInWithPassword(values.email, values.password);
    window.location.assign(signedIn.ok ? "/" : "/login");
  }

  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
      <Field label={t("setup.businessName")} autoComplete="organization" registration={form.register("businessName")} error={errors.businessName} />
      <Field label={t("setup.name")} autoComplete="name" registration={form.register("name")} error={errors.name} />
      <Field label={t("setup.email")} type="email" autoComplete="email" registration={form.register("email")} error={errors.email} />
      <Field
        label={t("setup.password")}
        type="password"
        autoComplete="new-password"
        hint={t("setup.passwordHint")}
        registration={form.register("password")}
        error={errors.password}
      />
      <FormStatus kind={error ? "error" : null}>{error}</FormStatus>
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("setup.submitting") : t("setup.submit")}
      </button>
    </form>
  );
}
