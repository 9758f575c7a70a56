"use client";

import { useTranslations } from "next-intl";
import { Field, NewPasswordField } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useServerValidatedForm } from "@/app/_components/use-action-form";
import { signInWithPassword } from "@/lib/auth/browser";
import { createFirstAdmin } from "./actions";

export function SetupForm({ needsCode }: { needsCode: boolean }) {
  const t = useTranslations();
  const { submit, errors, status, pending } = useServerValidatedForm({
    action: createFirstAdmin,
    errorText: (failure) => {
      const wrongCode = failure.fieldErrors?.setupCode !== undefined;
      if (wrongCode) return t("common.errors.invalid");
      return failure.error === "forbidden" ? t("setup.alreadyDone") : undefined;
    },
    onSuccess: async (_, values) => {
      const signedIn = await signInWithPassword(values.email, values.password);
      window.location.assign(signedIn.ok ? "/" : "/login");
    },
  });
  return (
    <form onSubmit={submit} noValidate>
      <Field label={t("setup.businessName")} autoComplete="organization" registration={{ name: "businessName" }} error={errors.businessName} />
      <Field label={t("setup.name")} autoComplete="name" registration={{ name: "name" }} error={errors.name} />
      <Field label={t("setup.email")} type="email" autoComplete="email" registration={{ name: "email" }} error={errors.email} />
      <NewPasswordField label={t("setup.password")} error={errors.password} />
      {needsCode ? (
        <Field
          label={t("setup.code")}
          autoComplete="off"
          hint={t("setup.codeHint")}
          registration={{ name: "setupCode" }}
          error={errors.setupCode}
          inputProps={{ spellCheck: false, autoCapitalize: "characters" }}
        />
      ) : null}
      <FormStatus kind={status?.kind ?? null}>{status?.text}</FormStatus>
      <button type="submit" disabled={pending}>
        {pending ? t("setup.submitting") : t("setup.submit")}
      </button>
    </form>
  );
}
