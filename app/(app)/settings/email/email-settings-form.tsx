"use client";

import { lazy, Suspense, useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { Field, FieldErrorText } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useServerValidatedForm } from "@/app/_components/use-action-form";
import { fieldErrorsOf } from "@/lib/validation/action-result";
import type { appPasswordKey } from "@/lib/guides/guides";
import type { OAuthProvider } from "@/lib/mail/oauth/providers";
import { presetFor, providerForHost, providerToOffer, type EmailProvider } from "@/lib/mail/providers";
import type { SmtpSecurity } from "@/lib/mail/types";
import type { EmailSettingsInput } from "@/lib/validation/email-settings";
import {
  canReuseSavedPassword,
  mailProtocols,
  needsSenderAddress,
  QUICK_PORTS,
  SECURITY_FOR_PORT,
  smtpSecurityModes,
  type SavedPasswordOwner,
} from "@/lib/validation/email-settings-rules";
import { saveEmailSettingsAction } from "./actions";
import type { OAuthConnectionView } from "./oauth-connection";
import { TestPanel, useSettingsTest } from "./test-panel";

// Only the Microsoft and Google choices show it, so the SMTP and HTTP forms load without it
// (React's lazy: next/dynamic's loader would cost this page about as much as it saves). It renders
// once hydrated: streamed from the server inside Suspense, it was left behind as a hidden copy.
const OAuthConnection = lazy(() => import("./oauth-connection").then((m) => ({ default: m.OAuthConnection })));
const noSubscription = () => () => {};
// The schema Save checks with, fetched once the form is first used rather than on first load.
const loadSchema = () => import("@/lib/validation/email-settings");

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
  const formRef = useRef<HTMLFormElement>(null);
  // One schema checks the form in the browser and again on the server (the saved password and the
  // connected mailboxes as context); Save and Test send exactly the same values.
  const connected = (Object.keys(connections) as OAuthProvider[]).filter((provider) => connections[provider].connected);
  const form = useServerValidatedForm({
    initialValues: defaults,
    check: async (values) => {
      const { emailSettingsSchema } = await loadSchema();
      const parsed = emailSettingsSchema({ savedPassword, connected }).safeParse(values);
      return parsed.success ? null : fieldErrorsOf(parsed.error);
    },
    action: (values) => saveEmailSettingsAction(values),
    onSuccess: () => {
      form.set("smtpPassword", "");
      router.refresh();
      return t("emailSettings.saved");
    },
  });
  const { submit: save, errors, showFieldErrors, status: saveStatus, setStatus: setSaveStatus, pending: saving, values, setValues, set, text, checkbox } = form;
  const { protocol, smtpPort: port, smtpSecurity: security, smtpUsername: username, copyEnabled, replyToEnabled, smtpHost, skipTlsVerify } = values;
  const [showPassword, setShowPassword] = useState(false);
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const test = useSettingsTest();

  // Security follows the port until the user picks it; saved settings count as picked.
  const securityPicked = useRef(defaults.smtpSecurity !== SECURITY_FOR_PORT[Number(defaults.smtpPort)]);
  useEffect(() => {
    const follow = SECURITY_FOR_PORT[Number(port)];
    if (!securityPicked.current && follow) setValues((current) => ({ ...current, smtpSecurity: follow }));
  }, [port, setValues]);

  useEffect(() => {
    if (fromGuide) formRef.current?.querySelector<HTMLElement>('[name="smtpUsername"]')?.focus();
  }, [fromGuide]);

  const offerProvider = providerToOffer(username ?? "", smtpHost ?? "");

  function applyProvider(p: EmailProvider) {
    const preset = presetFor(p, username ?? "");
    set("smtpHost", preset.host);
    set("smtpPort", preset.port);
    set("smtpSecurity", preset.security);
    securityPicked.current = false;
  }

  function applyFix(fix: { security: SmtpSecurity; port?: number }) {
    securityPicked.current = true;
    const fixed = { ...values, smtpSecurity: fix.security, ...(fix.port ? { smtpPort: fix.port } : {}) };
    setValues(fixed);
    void runTest(fixed);
  }

  async function runTest(tested: EmailSettingsInput) {
    setSaveStatus(null);
    const result = await test.run(tested);
    showFieldErrors(result?.fieldErrors, formRef.current);
  }

  const securityError = errors.smtpSecurity;
  return (
    <form ref={formRef} onSubmit={save} onFocus={() => void loadSchema()} noValidate className="card" aria-label={t("emailSettings.title")}>
      {fromGuide ? <p className="notice info">{t(`emailSettings.fromGuide.${fromGuide.appPassword}`, { provider: fromGuide.name })}</p> : null}
      <fieldset>
        <legend>{t("emailSettings.protocol")}</legend>
        <div className="radio-row">
          {mailProtocols.map((p) => (
            <label key={p}>
              <input
                type="radio"
                name="protocol"
                value={p}
                checked={protocol === p}
                onChange={() => set("protocol", p)}
                aria-invalid={errors.protocol ? true : undefined}
              />{" "}
              {t(`emailSettings.protocols.${p}`)}
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
            registration={text("smtpHost")}
            error={errors.smtpHost}
            inputProps={{ spellCheck: false, autoCapitalize: "none" }}
          />
          <div className="grid-2">
            <Field
              label={t("emailSettings.port")}
              type="number"
              hint={t("emailSettings.portHint")}
              registration={text("smtpPort")}
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
                    onClick={() => set("smtpPort", p)}
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
                name="smtpSecurity"
                value={security}
                onChange={(event) => {
                  securityPicked.current = true;
                  set("smtpSecurity", event.target.value as SmtpSecurity);
                }}
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
            registration={text("smtpUsername")}
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
                  <button type="button" className="secondary" onClick={() => set("protocol", offerProvider.signIn!.with)}>
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
              registration={text("smtpEmail")}
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
            registration={text("smtpPassword")}
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
              <input id={ids.skip} type="checkbox" aria-describedby={`${ids.skip}-warning`} {...checkbox("skipTlsVerify")} />
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
            registration={text("httpUrl")}
            error={errors.httpUrl}
            inputProps={{ spellCheck: false }}
          />
          <Field
            label={t("emailSettings.httpReplyTo")}
            type="email"
            hint={t("emailSettings.httpReplyToHint")}
            registration={text("httpReplyTo")}
            error={errors.httpReplyTo}
          />
        </>
      ) : (
        hydrated ? (
          <Suspense fallback={null}>
            <OAuthConnection key={protocol} view={connections[protocol]} />
          </Suspense>
        ) : null
      )}

      {protocol !== "http" ? (
        <>
          <fieldset>
            <legend className="visually-hidden">{t("emailSettings.copyEnabled")}</legend>
            <label className="check">
              <input type="checkbox" {...checkbox("copyEnabled")} />
              <span>{t("emailSettings.copyEnabled")}</span>
            </label>
            {copyEnabled ? (
              <Field
                label={t("emailSettings.copyAddress")}
                type="email"
                hint={t("emailSettings.copyHint")}
                registration={text("copyAddress")}
                error={errors.copyAddress}
              />
            ) : null}
          </fieldset>
          <fieldset>
            <legend className="visually-hidden">{t("emailSettings.replyToEnabled")}</legend>
            <label className="check">
              <input type="checkbox" {...checkbox("replyToEnabled")} />
              <span>{t("emailSettings.replyToEnabled")}</span>
            </label>
            {replyToEnabled ? (
              <Field
                label={t("emailSettings.replyToAddresses")}
                hint={t("emailSettings.replyToHint")}
                registration={text("replyToAddresses")}
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
        registration={text("sendRatePerMinute")}
        error={errors.sendRatePerMinute}
        inputProps={{ min: 1, max: 10_000, step: 1, inputMode: "numeric" }}
      />
      <p className="hint">{t("emailSettings.testBeforeSave")}</p>
      <TestPanel state={test.state} protocol={protocol} host={smtpHost} port={Number(port)} onApplyFix={applyFix} />
      <FormStatus kind={saveStatus?.kind ?? null}>{saveStatus?.text}</FormStatus>
      <div className="row">
        <button type="button" className="secondary" disabled={test.state.running} onClick={() => void runTest(values)}>
          {test.state.running ? t("emailSettings.testing") : t("emailSettings.testButton")}
        </button>
        <button type="submit" disabled={saving}>
          {saving ? t("emailSettings.saving") : t("emailSettings.save")}
        </button>
      </div>
    </form>
  );
}
