"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { Field, FieldErrorText } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { applyFieldErrors } from "@/app/_components/apply-field-errors";
import { useActionForm } from "@/app/_components/use-action-form";
import type { appPasswordKey } from "@/lib/guides/guides";
import { oauthProviders, type OAuthProvider } from "@/lib/mail/oauth/providers";
import { presetFor, providerForHost, providerToOffer, type EmailProvider } from "@/lib/mail/providers";
import type { SmtpSecurity } from "@/lib/mail/types";
import {
  canReuseSavedPassword,
  emailSettingsSchema,
  mailProtocols,
  needsSenderAddress,
  QUICK_PORTS,
  SECURITY_FOR_PORT,
  smtpSecurityModes,
  type EmailSettingsInput,
  type EmailSettingsValues,
  type SavedPasswordOwner,
} from "@/lib/validation/email-settings";
import { saveEmailSettingsAction } from "./actions";
import { OAuthConnection, type OAuthConnectionView } from "./oauth-connection";
import { TestPanel, useSettingsTest } from "./test-panel";

export function EmailSettingsForm({
  defaults,
  savedPassword,
  connections,
  fromGuide,
}: {
  defaults: EmailSettingsInput;
  savedPassword: SavedPasswordOwner;
  connections: Record<OAuthProvider, OAuthConnectionView>;
  /** The guide the admin came from, and its provider's password rule (which the first sentence names). */
  fromGuide?: { name: string; appPassword: ReturnType<typeof appPasswordKey> };
}) {
  const t = useTranslations();
  const router = useRouter();
  const ids = { security: useId(), replyTo: useId(), skip: useId(), showPassword: useId() };
  const connected = useMemo(() => oauthProviders.filter((p) => connections[p].connected), [connections]);
  const schema = useMemo(() => emailSettingsSchema({ savedPassword, connected }), [savedPassword, connected]);
  const form = useForm<EmailSettingsInput, unknown, EmailSettingsValues>({ resolver: zodResolver(schema), defaultValues: defaults });
  const { register, control, setValue, formState } = form;
  const { errors } = formState;
  const [protocol, port, security, username, copyEnabled, replyToEnabled, smtpHost, skipTlsVerify] = useWatch({
    control,
    name: ["protocol", "smtpPort", "smtpSecurity", "smtpUsername", "copyEnabled", "replyToEnabled", "smtpHost", "skipTlsVerify"],
  });
  const [showPassword, setShowPassword] = useState(false);
  // The server parses the raw form itself (the same schema): it gets exactly what Test would send.
  const { submit: save, status: saveStatus, setStatus: setSaveStatus, pending: saving } = useActionForm(form, {
    action: () => saveEmailSettingsAction(form.getValues()),
    onSuccess: () => {
      setValue("smtpPassword", "");
      router.refresh();
      return t("emailSettings.saved");
    },
  });
  const test = useSettingsTest();

  // Security follows the port until the user picks it; saved settings count as picked.
  const securityPicked = useRef(defaults.smtpSecurity !== SECURITY_FOR_PORT[Number(defaults.smtpPort)]);
  useEffect(() => {
    const follow = SECURITY_FOR_PORT[Number(port)];
    if (!securityPicked.current && follow) setValue("smtpSecurity", follow);
  }, [port, setValue]);

  useEffect(() => {
    if (fromGuide) form.setFocus("smtpUsername");
  }, [fromGuide, form]);

  const offerProvider = providerToOffer(username ?? "", smtpHost ?? "");

  function applyProvider(p: EmailProvider) {
    const preset = presetFor(p, username ?? "");
    setValue("smtpHost", preset.host, { shouldDirty: true });
    setValue("smtpPort", preset.port, { shouldDirty: true });
    setValue("smtpSecurity", preset.security, { shouldDirty: true });
    securityPicked.current = false;
  }

  function applyFix(fix: { security: SmtpSecurity; port?: number }) {
    securityPicked.current = true;
    if (fix.port) setValue("smtpPort", fix.port, { shouldDirty: true });
    setValue("smtpSecurity", fix.security, { shouldDirty: true });
    void runTest();
  }

  async function runTest() {
    setSaveStatus(null);
    if (!(await form.trigger())) return;
    // The server validates again; it gets the raw form values, exactly what Save would send.
    const result = await test.run(form.getValues());
    if (result?.fieldErrors) applyFieldErrors(form.setError, result.fieldErrors);
  }


  const securityError = errors.smtpSecurity;
  return (
    <form onSubmit={save} noValidate className="card" aria-label={t("emailSettings.title")}>
      {fromGuide ? <p className="notice info">{t(`emailSettings.fromGuide.${fromGuide.appPassword}`, { provider: fromGuide.name })}</p> : null}
      <fieldset>
        <legend>{t("emailSettings.protocol")}</legend>
        <div className="radio-row">
          {mailProtocols.map((p) => (
            <label key={p}>
              <input type="radio" value={p} {...register("protocol")} /> {t(`emailSettings.protocols.${p}`)}
            </label>
          ))}
        </div>
        <p className="hint">{t(`emailSettings.protocols.${protocol}Hint`)}</p>
        <FieldErrorText id="protocol-error" error={errors.protocol} />
      </fieldset>

      {protocol === "smtp" ? (
        <>
          <Field
            label={t("emailSettings.smtpHost")}
            hint={t("emailSettings.smtpHostHint")}
            registration={register("smtpHost")}
            error={errors.smtpHost}
            inputProps={{ spellCheck: false, autoCapitalize: "none" }}
          />
          <div className="grid-2">
            <Field
              label={t("emailSettings.port")}
              type="number"
              hint={t("emailSettings.portHint")}
              registration={register("smtpPort")}
              error={errors.smtpPort}
              inputProps={{ min: 1, max: 65535, inputMode: "numeric" }}
            >
              <div className="quick-ports" role="group" aria-label={t("emailSettings.quickPorts")}>
                {QUICK_PORTS.map((p) => (
                  <button
                    key={p}
                    type="button"
                    className="secondary"
                    aria-pressed={Number(port) === p}
                    title={t("emailSettings.quickPort", { port: p })}
                    onClick={() => setValue("smtpPort", p, { shouldDirty: true, shouldValidate: true })}
                  >
                    {p}
                  </button>
                ))}
              </div>
            </Field>
            <div className="field">
              <label htmlFor={ids.security}>{t("emailSettings.security")}</label>
              <div id={`${ids.security}-hint`} className="hint">
                {t("emailSettings.securityHint")}
              </div>
              <select
                id={ids.security}
                aria-describedby={`${ids.security}-hint`}
                aria-invalid={securityError ? true : undefined}
                {...register("smtpSecurity", { onChange: () => (securityPicked.current = true) })}
              >
                {smtpSecurityModes.map((s) => (
                  <option key={s} value={s}>
                    {t(`emailSettings.securityModes.${s}`)}
                  </option>
                ))}
              </select>
              {security === "none" ? <p className="notice warn">{t("emailSettings.securityNoneWarning")}</p> : null}
              <FieldErrorText id={`${ids.security}-error`} error={securityError} />
            </div>
          </div>
          <Field
            label={t("emailSettings.username")}
            hint={t("emailSettings.usernameHint")}
            registration={register("smtpUsername")}
            error={errors.smtpUsername}
            autoComplete="off"
            inputProps={{ spellCheck: false, autoCapitalize: "none" }}
          >
            {offerProvider ? (
              <div className="notice info row" role="group" aria-label={t("emailSettings.providerOffer", { provider: offerProvider.name })}>
                <span>
                  {t("emailSettings.providerOffer", { provider: offerProvider.name })}
                  {offerProvider.signIn?.only ? ` ${t("emailSettings.signInOnly", { provider: offerProvider.name })}` : null}
                </span>
                {offerProvider.signIn?.only ? null : (
                  <button type="button" className="secondary" onClick={() => applyProvider(offerProvider)}>
                    {t("emailSettings.useProviderSettings", { provider: offerProvider.name })}
                  </button>
                )}
                {offerProvider.signIn ? (
                  <button type="button" className="secondary" onClick={() => setValue("protocol", offerProvider.signIn!.with, { shouldDirty: true })}>
                    {t(`emailSettings.oauth.signInInstead.${offerProvider.signIn.with}`)}
                  </button>
                ) : null}
                <Link href={`/guides/${offerProvider.slug}`}>{t("emailSettings.readGuide", { provider: offerProvider.name })}</Link>
              </div>
            ) : null}
          </Field>
          {needsSenderAddress(username ?? "") ? (
            <Field
              label={t("emailSettings.email")}
              type="email"
              hint={t("emailSettings.emailHint")}
              registration={register("smtpEmail")}
              error={errors.smtpEmail}
            />
          ) : null}
          <Field
            label={t("emailSettings.password")}
            type={showPassword ? "text" : "password"}
            hint={
              canReuseSavedPassword(savedPassword, {
                smtpHost: smtpHost ?? "",
                smtpPort: port,
                smtpSecurity: security ?? "",
                skipTlsVerify: Boolean(skipTlsVerify),
                smtpUsername: username ?? "",
              })
                ? t("emailSettings.passwordSavedHint")
                : t("emailSettings.passwordHint")
            }
            registration={register("smtpPassword")}
            error={errors.smtpPassword}
            autoComplete="new-password"
            inputProps={{ spellCheck: false, autoCapitalize: "none" }}
          >
            <label className="check" htmlFor={ids.showPassword}>
              <input id={ids.showPassword} type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
              <span>{t("emailSettings.showPassword")}</span>
            </label>
          </Field>

          <div className="field">
            <label className="check" htmlFor={ids.skip}>
              <input id={ids.skip} type="checkbox" aria-describedby={`${ids.skip}-warning`} {...register("skipTlsVerify")} />
              <span>{t("emailSettings.skipTlsVerify")}</span>
            </label>
            <p id={`${ids.skip}-warning`} className="hint">
              {t("emailSettings.skipTlsWarning")}
            </p>
          </div>
        </>
      ) : protocol === "http" ? (
        <>
          <Field
            label={t("emailSettings.httpUrl")}
            type="url"
            hint={t("emailSettings.httpUrlHint")}
            registration={register("httpUrl")}
            error={errors.httpUrl}
            inputProps={{ spellCheck: false }}
          />
          <Field
            label={t("emailSettings.httpReplyTo")}
            type="email"
            hint={t("emailSettings.httpReplyToHint")}
            registration={register("httpReplyTo")}
            error={errors.httpReplyTo}
          />
        </>
      ) : (
        <OAuthConnection key={protocol} view={connections[protocol]} />
      )}

      {protocol !== "http" ? (
        <>
          <fieldset>
            <legend className="visually-hidden">{t("emailSettings.copyEnabled")}</legend>
            <label className="check">
              <input type="checkbox" {...register("copyEnabled")} />
              <span>{t("emailSettings.copyEnabled")}</span>
            </label>
            {copyEnabled ? (
              <Field
                label={t("emailSettings.copyAddress")}
                type="email"
                hint={t("emailSettings.copyHint")}
                registration={register("copyAddress")}
                error={errors.copyAddress}
              />
            ) : null}
          </fieldset>
          <fieldset>
            <legend className="visually-hidden">{t("emailSettings.replyToEnabled")}</legend>
            <label className="check">
              <input type="checkbox" {...register("replyToEnabled")} />
              <span>{t("emailSettings.replyToEnabled")}</span>
            </label>
            {replyToEnabled ? (
              <Field
                label={t("emailSettings.replyToAddresses")}
                hint={t("emailSettings.replyToHint")}
                registration={register("replyToAddresses")}
                error={errors.replyToAddresses}
              />
            ) : null}
          </fieldset>
        </>
      ) : null}

      <Field
        label={t("emailSettings.sendRate")}
        type="number"
        hint={(() => {
          const limits = protocol === "smtp" ? providerForHost(smtpHost ?? "") : undefined;
          return limits?.sendingLimits
            ? t("emailSettings.sendRateProviderHint", { provider: limits.name, perMinute: limits.sendingLimits.perMinute, perDay: limits.sendingLimits.perDay })
            : t("emailSettings.sendRateHint");
        })()}
        registration={register("sendRatePerMinute")}
        error={errors.sendRatePerMinute}
        inputProps={{ min: 1, max: 10_000, step: 1, inputMode: "numeric" }}
      />
      <p className="hint">{t("emailSettings.testBeforeSave")}</p>
      <TestPanel state={test.state} protocol={protocol} host={smtpHost} port={Number(port)} onApplyFix={applyFix} />
      <FormStatus kind={saveStatus?.kind ?? null}>{saveStatus?.text}</FormStatus>
      <div className="row">
        <button type="button" className="secondary" disabled={test.state.running} onClick={runTest}>
          {test.state.running ? t("emailSettings.testing") : t("emailSettings.testButton")}
        </button>
        <button type="submit" disabled={saving}>
          {saving ? t("emailSettings.saving") : t("emailSettings.save")}
        </button>
      </div>
    </form>
  );
}
