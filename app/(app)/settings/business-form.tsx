"use client";

import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Field, FieldErrorText, TextAreaField } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useServerValidatedForm } from "@/app/_components/use-action-form";
import { MAX_LOGO_BYTES } from "@/lib/businesses/logo-format";
import type { BusinessInput } from "@/lib/validation/business";
import { saveBusinessDetails } from "./actions";

// One byte past the limit is enough for the schema to say "too large" without reading a huge file.
async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.slice(0, MAX_LOGO_BYTES + 1).arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function BusinessForm({
  defaults,
  currencyOptions,
  hasLogo,
}: {
  defaults: BusinessInput;
  currencyOptions: { value: string; label: string }[];
  hasLogo: boolean;
}) {
  const t = useTranslations();
  const router = useRouter();
  const ids = { currency: useId(), logo: useId(), logoHint: useId() };
  // The chosen file as base64 (a file input has no string value for the form's fields), awaited on submit.
  const logo = useRef<Promise<string | undefined>>(Promise.resolve(undefined));
  // A new key empties the file input and the Remove box after a save; the version refreshes the shown logo.
  const [logoVersion, setLogoVersion] = useState(0);
  const { submit, errors, status, pending } = useServerValidatedForm({
    action: async ({ removeLogo, ...values }) => saveBusinessDetails({ ...values, logo: await logo.current, removeLogo: removeLogo === "on" }),
    onSuccess: () => {
      logo.current = Promise.resolve(undefined);
      setLogoVersion((v) => v + 1);
      router.refresh();
      return t("common.saved");
    },
  });
  const logoDescribedBy = [ids.logoHint, errors.logo ? `${ids.logo}-error` : ""].filter(Boolean).join(" ");
  return (
    <form onSubmit={submit} noValidate className="card">
      <Field label={t("settings.business.name")} registration={{ name: "name", defaultValue: defaults.name }} error={errors.name} autoComplete="organization" />
      <TextAreaField label={t("settings.business.address")} rows={3} registration={{ name: "address", defaultValue: defaults.address }} error={errors.address} />
      <div className="grid-2">
        <Field label={t("settings.business.email")} type="email" registration={{ name: "email", defaultValue: defaults.email }} error={errors.email} />
        <Field label={t("settings.business.phone")} type="tel" registration={{ name: "phone", defaultValue: defaults.phone }} error={errors.phone} />
        <Field label={t("settings.business.taxId")} registration={{ name: "taxId", defaultValue: defaults.taxId }} error={errors.taxId} autoComplete="off" />
        <div className="field">
          <label htmlFor={ids.currency}>{t("settings.business.currency")}</label>
          <select
            id={ids.currency}
            name="currency"
            defaultValue={defaults.currency}
            aria-invalid={errors.currency ? true : undefined}
            aria-describedby={errors.currency ? `${ids.currency}-error` : undefined}
          >
            {currencyOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <FieldErrorText id={`${ids.currency}-error`} error={errors.currency} />
        </div>
        <Field
          label={t("settings.business.defaultTaxRate")}
          hint={t("settings.business.defaultTaxRateHint")}
          registration={{ name: "defaultTaxRate", defaultValue: defaults.defaultTaxRate }}
          error={errors.defaultTaxRate}
          inputProps={{ inputMode: "decimal" }}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={ids.logo}>{t("settings.business.logo")}</label>
        <div id={ids.logoHint} className="hint">
          {t("settings.business.logoHint")}
        </div>
        {hasLogo ? (
          // A plain img: the logo is private and session-checked, so next/image must not fetch it.
          <img className="business-logo" src={`/settings/logo?v=${logoVersion}`} alt={t("settings.business.logoCurrent")} />
        ) : null}
        <input
          key={logoVersion}
          id={ids.logo}
          type="file"
          accept="image/png,image/jpeg"
          aria-invalid={errors.logo ? true : undefined}
          aria-describedby={logoDescribedBy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            logo.current = file ? fileToBase64(file) : Promise.resolve(undefined);
          }}
        />
        <FieldErrorText id={`${ids.logo}-error`} error={errors.logo} />
        {hasLogo ? (
          <label className="check" key={logoVersion}>
            <input type="checkbox" name="removeLogo" />
            <span>{t("settings.business.removeLogo")}</span>
          </label>
        ) : null}
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
