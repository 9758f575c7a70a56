"use client";

import { useId } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Field, FieldErrorText } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useActionForm } from "@/app/_components/use-action-form";
import { businessSchema, type BusinessInput } from "@/lib/validation/auth";
import { saveBusinessDetails } from "./actions";

export function BusinessForm({ defaults }: { defaults: BusinessInput }) {
  const t = useTranslations();
  const addressId = useId();
  const form = useForm<BusinessInput>({ resolver: zodResolver(businessSchema), defaultValues: defaults });
  const { submit, status, pending } = useActionForm(form, { action: saveBusinessDetails, onSuccess: () => t("common.saved") });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} noValidate className="card">
      <Field label={t("settings.business.name")} registration={form.register("name")} error={errors.name} autoComplete="organization" />
      <div className="field">
        <label htmlFor={addressId}>{t("settings.business.address")}</label>
        <textarea id={addressId} rows={3} aria-invalid={errors.address ? true : undefined} {...form.register("address")} />
        <FieldErrorText id={`${addressId}-error`} error={errors.address} />
      </div>
      <div className="grid-2">
        <Field label={t("settings.business.email")} type="email" registration={form.register("email")} error={errors.email} />
        <Field label={t("settings.business.phone")} type="tel" registration={form.register("phone")} error={errors.phone} />
      </div>
      <FormStatus kind={status?.kind ?? null}>{status?.text}</FormStatus>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? t("common.saving") : t("common.save")}
        </button>
      </div>
    </form>
  );
}
