"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { signInWithPassword } from "@/lib/auth/browser";
import { signInSchema } from "@/lib/validation/auth";
import type { z } from "zod";

type SignInInput = z.input<typeof signInSchema>;

export function LoginForm() {
  const t = useTranslations("login");
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  async function onSubmit(values: SignInInput) {
    setError(null);
    const result = await signInWithPassword(values.email, values.password);
    if (result.ok) {
      window.location.assign("/");
      return;
    }
    const throttled = /^throttled:(\d+)$/.exec(result.error ?? "");
    if (throttled) setError(t("throttled", { minutes: Number(throttled[1]) }));
    else if (result.error === "invalid" || result.error === "CredentialsSignin") setError(t("invalid"));
    else setError(t("failed"));
  }

  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
      <Field label={t("email")} type="email" autoComplete="username" registration={form.register("email")} error={errors.email} />
      <Field
        label={t("password")}
        type="password"
        autoComplete="current-password"
        registration={form.register("password")}
        error={errors.password}
      />
      <FormStatus kind={error ? "error" : null}>{error}</FormStatus>
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
