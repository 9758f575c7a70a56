"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { retryFailedBatchAction } from "@/app/_components/bulk-email/actions";

/** Retry failed: every failed or interrupted email of the batch goes back in the queue. */
export function RetryFailedButton({ batchId }: { batchId: number }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function retry() {
    if (pending) return;
    setPending(true);
    try {
      const answer = await retryFailedBatchAction({ batchId });
      setResult(answer.ok ? { ok: true, text: t("emailBatch.retried", { count: answer.data.retried }) } : { ok: false, text: t(`common.errors.${answer.error}`) });
      router.refresh();
    } catch {
      setResult({ ok: false, text: t("common.errors.failed") });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="retry">
      <button type="button" onClick={retry} disabled={pending}>
        {t("emailBatch.retryFailed")}
      </button>
      <div role="status">{result?.ok ? result.text : null}</div>
      <div role="alert">{result && !result.ok ? <p className="notice error">{result.text}</p> : null}</div>
    </div>
  );
}
