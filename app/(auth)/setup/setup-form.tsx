"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useActionForm } from "@/app/_components/use-action-form";
import { signInWithPassword } from "@/lib/auth/browser";
import { setupSchema, type SetupInput } from "@/lib/validation/auth";
import { createFirstAdmin } from "./actions";

export function SetupForm() {
  const t = useTranslations();
  const form = useForm<SetupInput>({
    resolver: zodResolver(setupSchema),
    defaultValues: { businessName: "", name: "", email: "", password: "" },
  });

  const { submit, status, pending } = useActionForm(form, {
    action: createFirstAdmin,
    errorText: (failure) => (failure.error === "forbidden" ? t("setup.alreadyDone") : undefined),
    onSuccess: async (_, values) => {
      const signedIn = await signInWithPassword(values.email, values.password);
      window.location.assign(signedIn.ok ? "/" : "/login");
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} noValidate>
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
      <FormStatus kind={status?.kind ?? null}>{status?.text}</FormStatus>
      <button type="submit" disabled={pending}>
        {pending ? t("setup.submitting") : t("setup.submit")}
      </button>
    </form>
  );
}
