"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { diagnosisParams } from "@/lib/mail/diagnosis-params";
import { providerBySlug } from "@/lib/mail/providers";
import type { MailFailure, SmtpSecurity } from "@/lib/mail/types";

/**
 * A failed send in plain words: what went wrong, how to fix it, a one-click fix or the
 * provider's guide when there is one, the troubleshooting list, and the server's own text.
 */
export function DiagnosisReport({
  failure,
  host,
  port,
  onApplyFix,
}: {
  failure: MailFailure;
  host?: string;
  port?: number;
  onApplyFix?: (fix: { security: SmtpSecurity; port?: number }) => void;
}) {
  const t = useTranslations();
  const params = diagnosisParams(failure, { host, port });
  const guide = failure.providerGuide ? providerBySlug(failure.providerGuide) : undefined;
  // A list in the catalog; the build's precompiled catalogs hand it over as an object by index.
  const tips = Object.values(t.raw("diagnosis.troubleshooting.items") as string[] | Record<string, string>);
  return (
    <div className="diagnosis">
      <p>
        <strong>{t(`diagnosis.${failure.code}.title`, params)}</strong>
      </p>
      <p>{t(`diagnosis.${failure.code}.fix`, params)}</p>
      <div className="row">
        {failure.fix && onApplyFix ? (
          <button type="button" onClick={() => onApplyFix(failure.fix!)}>
            {t("emailSettings.test.applyFix", { security: t(`emailSettings.securityModes.${failure.fix.security}`) })}
          </button>
        ) : null}
        {guide ? <Link href={`/guides/${guide.slug}`}>{t("emailSettings.test.openGuide", { provider: guide.name })}</Link> : null}
        {failure.reconnect ? (
          <Link className="button" href={`/settings/email?protocol=${failure.reconnect}`}>
            {t("emailSettings.oauth.reconnect", { provider: t(`emailSettings.protocols.${failure.reconnect}`) })}
          </Link>
        ) : null}
      </div>
      <p className="label">{t("diagnosis.troubleshooting.heading")}</p>
      <ul>
        {tips.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
      {failure.raw ? (
        <details>
          <summary>{t("emailSettings.test.details")}</summary>
          <pre className="raw">{failure.raw}</pre>
        </details>
      ) : null}
    </div>
  );
}
