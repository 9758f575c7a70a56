"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { LazyDiagnosisReport } from "@/app/_components/lazy-diagnosis-report";
import type { MailFailure } from "@/lib/mail/types";
import { retryEmailAction } from "./actions";

/** Sends a failed or interrupted email again; the server lets only one retry run at a time. */
export function RetryButton({ emailId, label }: { emailId: number; label?: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string; failure?: MailFailure } | null>(null);

  async function retry() {
    if (pending) return;
    setPending(true);
    setResult(null);
    try {
      const answer = await retryEmailAction({ emailId });
      if (!answer.ok) setResult({ ok: false, text: answer.message ? t(answer.message) : t(`common.errors.${answer.error}`) });
      else if (answer.data.status === "failed") setResult({ ok: false, text: t("emails.retryFailed"), failure: answer.data.failure });
      else setResult({ ok: true, text: t("emails.retried") });
      router.refresh();
    } catch {
      setResult({ ok: false, text: t("common.errors.failed") });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="retry">
      <button type="button" className="secondary" onClick={retry} disabled={pending} aria-label={label}>
        {pending ? t("emails.retrying") : t("emails.retry")}
      </button>
      <div role="status">{result?.ok ? <span>{result.text}</span> : null}</div>
      <div role="alert">
        {result && !result.ok ? (
          <div className="notice error">
            <p>{result.text}</p>
            {result.failure ? <LazyDiagnosisReport failure={result.failure} /> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
