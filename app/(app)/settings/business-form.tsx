"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { Field, FieldErrorText } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useServerValidatedForm } from "@/app/_components/use-action-form";
import type { BusinessInput } from "@/lib/validation/auth";
import { saveBusinessDetails } from "./actions";

export function BusinessForm({ defaults }: { defaults: BusinessInput }) {
  const t = useTranslations();
  const addressId = useId();
  const { submit, errors, status, pending } = useServerValidatedForm({ action: saveBusinessDetails, onSuccess: () => t("common.saved") });
  return (
    <form onSubmit={submit} noValidate className="card">
      <Field label={t("settings.business.name")} registration={{ name: "name", defaultValue: defaults.name }} error={errors.name} autoComplete="organization" />
      <div className="field">
        <label htmlFor={addressId}>{t("settings.business.address")}</label>
        <textarea
          id={addressId}
          name="address"
          rows={3}
          defaultValue={defaults.address}
          aria-invalid={errors.address ? true : undefined}
          aria-describedby={errors.address ? `${addressId}-error` : undefined}
        />
        <FieldErrorText id={`${addressId}-error`} error={errors.address} />
      </div>
      <div className="grid-2">
        <Field label={t("settings.business.email")} type="email" registration={{ name: "email", defaultValue: defaults.email }} error={errors.email} />
        <Field label={t("settings.business.phone")} type="tel" registration={{ name: "phone", defaultValue: defaults.phone }} error={errors.phone} />
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
