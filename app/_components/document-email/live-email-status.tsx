"use client";

import { useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { EmailProgress } from "@/lib/mail/queue/progress";
import { cancelEmailAction, retryEmailNowAction } from "./actions";
import { isUnderway, watchEmail } from "./email-status-poller";

/**
 * An email's status that follows the queue without a reload: queued → sending → sent, retrying
 * ("Retrying at 14:05 (attempt 2 of 6)" with the last reason) or failed, with Retry now and Cancel.
 */
export function LiveEmailStatus({ initial, subject, showActions = true }: { initial: EmailProgress; subject: string; showActions?: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setProgress(initial), [initial]);
  useEffect(() => {
    if (!isUnderway(progress.status)) return;
    return watchEmail(progress.id, (fresh) => {
      setProgress(fresh);
      // The rest of the page (message id, attempts) catches up once the email has settled.
      if (!isUnderway(fresh.status)) router.refresh();
    });
  }, [progress.id, progress.status, router]);

  async function act(action: typeof retryEmailNowAction) {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      const answer = await action({ emailId: progress.id });
      if (!answer.ok) setError(answer.message ? t(answer.message) : t(`common.errors.${answer.error}`));
      else setProgress(answer.data);
    } catch {
      setError(t("common.errors.failed"));
    } finally {
      setPending(false);
    }
  }

  const { status } = progress;
  const canRetry = showActions && (status === "retrying" || status === "failed" || status === "interrupted");
  const canCancel = showActions && (status === "queued" || status === "retrying");
  return (
    <div className="live-status" data-email-status={status}>
      <span aria-live="polite" className={`badge ${status}`}>
        {t(`emails.statuses.${status}`)}
      </span>
      {status === "retrying" && progress.nextAttemptAt ? (
        <p className="hint">
          {t("emails.retryingAt", {
            time: format.dateTime(new Date(progress.nextAttemptAt), { hour: "2-digit", minute: "2-digit", second: "2-digit" }),
            attempt: progress.attempts + 1,
            max: progress.maxAttempts,
          })}
          {progress.failure?.raw ? <> {t("emails.lastReason", { reason: progress.failure.raw.slice(0, 160) })}</> : null}
        </p>
      ) : null}
      {canRetry || canCancel ? (
        <div className="row">
          {canRetry ? (
            <button type="button" className="secondary" disabled={pending} onClick={() => act(retryEmailNowAction)} aria-label={`${t("emails.retryNow")}: ${subject}`}>
              {t("emails.retryNow")}
            </button>
          ) : null}
          {canCancel ? (
            <button type="button" className="secondary" disabled={pending} onClick={() => act(cancelEmailAction)} aria-label={`${t("emails.cancel")}: ${subject}`}>
              {t("emails.cancel")}
            </button>
          ) : null}
        </div>
      ) : null}
      <div role="alert">{error ? <p className="notice error">{error}</p> : null}</div>
    </div>
  );
}
