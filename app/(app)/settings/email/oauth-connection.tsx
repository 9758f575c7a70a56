"use client";

import { useState } from "react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ConfirmDelete } from "@/app/_components/confirm-delete";
import { Field } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useServerValidatedForm } from "@/app/_components/use-action-form";
import type { ConnectionSummary } from "@/lib/mail/oauth/connection-store";
import { disconnectAction, startSignInAction } from "./oauth-actions";

/** What the page tells the form about one provider's connection (the store's summary, its date as text); never a token or a secret. */
export interface OAuthConnectionView extends Omit<ConnectionSummary, "connectedAt"> {
  connectedAt: string | null;
  /** MAILROOM_<PROVIDER>_CLIENT_ID/_SECRET are set: the registration fields are not shown. */
  serverWide: boolean;
  redirectUri: string;
  /** The registration wizard's first step. */
  guidePath: string;
}

/** The Microsoft or Google part of the email settings: the app registration, signing in, the connected mailbox. */
export function OAuthConnection({ view }: { view: OAuthConnectionView }) {
  const t = useTranslations();
  const format = useFormatter();
  const name = t(`emailSettings.protocols.${view.provider}`);
  // The registration is checked by the sign-in action's schema; this part of the bigger form sends only its own fields.
  const { submit: signIn, errors, status, pending, text } = useServerValidatedForm({
    initialValues: { provider: view.provider, clientId: view.clientId, clientSecret: "", tenant: view.tenant || "common" },
    action: (values) => startSignInAction(values),
    onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl),
  });
  const [copied, setCopied] = useState(false);

  const signInButton = (label: string) => (
    <button type="button" onClick={(event) => void signIn(event)} disabled={pending}>
      {label}
    </button>
  );

  if (view.connected) {
    return (
      <div className="field">
        <p className={view.reconnectNeeded ? "notice warn" : "notice ok"}>
          <strong>{t("emailSettings.oauth.connectedAs", { address: view.address })}</strong>
          {view.connectedAt ? (
            <>
              <br />
              {t("emailSettings.oauth.connectedWhen", { when: format.dateTime(new Date(view.connectedAt), { dateStyle: "medium", timeStyle: "short" }), who: view.connectedBy ?? "—" })}
            </>
          ) : null}
        </p>
        {view.reconnectNeeded ? (
          <>
            <p className="notice warn">{t("emailSettings.oauth.reconnectNeeded", { provider: name })}</p>
            {signInButton(t("emailSettings.oauth.reconnect", { provider: name }))}
          </>
        ) : null}
        <ConfirmDelete
          action={() => disconnectAction({ provider: view.provider })}
          redirectTo={`/settings/email?protocol=${view.provider}`}
          labels={{
            button: t("emailSettings.oauth.disconnect"),
            question: t("emailSettings.oauth.disconnectQuestion", { address: view.address }),
            confirm: t("emailSettings.oauth.disconnectConfirm"),
            pending: t("emailSettings.oauth.disconnecting"),
          }}
        />
        <FormStatus kind={status?.kind ?? null}>{status?.text}</FormStatus>
      </div>
    );
  }

  return (
    <div className="field">
      {view.serverWide ? (
        <p className="notice info">{t("emailSettings.oauth.serverWide")}</p>
      ) : (
        <>
          <p className="hint">
            {t("emailSettings.oauth.registerHint")} <Link href={view.guidePath}>{t(`emailSettings.oauth.guide.${view.provider}`)}</Link>
          </p>
          <Field
            label={t("emailSettings.oauth.clientId")}
            registration={text("clientId")}
            error={errors.clientId}
            autoComplete="off"
            inputProps={{ spellCheck: false, autoCapitalize: "none" }}
          />
          <Field
            label={t("emailSettings.oauth.clientSecret")}
            type="password"
            hint={view.hasClientSecret ? t("emailSettings.oauth.clientSecretSavedHint") : t("emailSettings.oauth.clientSecretHint")}
            registration={text("clientSecret")}
            error={errors.clientSecret}
            autoComplete="new-password"
            inputProps={{ spellCheck: false, autoCapitalize: "none" }}
          />
          {view.provider === "microsoft" ? (
            <Field
              label={t("emailSettings.oauth.tenant")}
              hint={t("emailSettings.oauth.tenantHint")}
              registration={text("tenant")}
              error={errors.tenant}
              inputProps={{ spellCheck: false, autoCapitalize: "none" }}
            />
          ) : null}
          <div className="field">
            <label htmlFor={`redirect-uri-${view.provider}`}>{t("emailSettings.oauth.redirectUri")}</label>
            <div id={`redirect-uri-${view.provider}-hint`} className="hint">
              {t("emailSettings.oauth.redirectUriHint")}
            </div>
            <div className="row">
              <input id={`redirect-uri-${view.provider}`} readOnly value={view.redirectUri} aria-describedby={`redirect-uri-${view.provider}-hint`} />
              <button
                type="button"
                className="secondary"
                onClick={() => void navigator.clipboard?.writeText(view.redirectUri).then(() => setCopied(true), () => setCopied(false))}
              >
                {t("emailSettings.oauth.copy")}
              </button>
            </div>
            <p role="status" className="hint">
              {copied ? t("emailSettings.oauth.copied") : null}
            </p>
          </div>
        </>
      )}
      {signInButton(t(`emailSettings.oauth.signIn.${view.provider}`))}
      <FormStatus kind={status?.kind ?? null}>{status?.text}</FormStatus>
    </div>
  );
}
