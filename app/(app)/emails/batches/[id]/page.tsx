import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { failureForViewer, outcomeForViewer } from "@/lib/mail/failure-for-viewer";
import { batchProgress } from "@/lib/mail/queue/progress";
import { parseRouteId } from "@/lib/validation/route-id";
import { DiagnosisReport } from "@/app/_components/diagnosis-report";
import { LiveEmailStatus } from "@/app/_components/document-email/live-email-status";
import { RefreshWhileUnderway } from "./refresh-while-underway";
import { RetryFailedButton } from "./retry-failed-button";

export async function generateMetadata() {
  const t = await getTranslations("emailBatch");
  return { title: t("title") };
}

/** A bulk email's progress, read from the queue on every visit: it survives reloads and restarts. */
export default async function EmailBatchPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = parseRouteId((await params).id);
  const batch = id === null ? null : batchProgress(user.businessId, id);
  if (!batch) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const { counts, total } = batch;
  const underway = counts.queued + counts.sending + counts.retrying > 0;
  const failed = counts.failed + counts.interrupted;
  return (
    <>
      <p>
        <Link href="/emails">← {t("emailBatch.back")}</Link>
      </p>
      <h1>{t("emailBatch.title")}</h1>
      <p className="hint">{t("emailBatch.created", { time: format.dateTime(batch.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
      <progress max={total} value={counts.sent} aria-label={t("emailBatch.progressLabel")} />
      <p role="status" data-testid="batch-progress">
        {t("emailBatch.progress", { sent: counts.sent, total, retrying: counts.retrying, failed })}
      </p>
      {underway ? <RefreshWhileUnderway /> : null}
      {batch.problems.length ? (
        <section aria-labelledby="batch-problems">
          <h2 id="batch-problems">{t("emailBatch.problemsHeading")}</h2>
          {failed ? <RetryFailedButton batchId={batch.id} /> : null}
          <ul className="batch-problems">
            {batch.problems.map((p) => (
              <li key={p.id}>
                <p>
                  <Link href={`/emails/${p.id}`}>{p.subject}</Link> — {p.toAddresses}
                </p>
                <LiveEmailStatus initial={outcomeForViewer(p, user.role)} subject={p.subject} />
                {p.failure && p.status !== "retrying" ? <DiagnosisReport failure={failureForViewer(p.failure, user.role)} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {batch.skipped.length ? (
        <section aria-labelledby="batch-skipped">
          <h2 id="batch-skipped">{t("emailBatch.skippedHeading")}</h2>
          <ul>
            {batch.skipped.map((s) => (
              <li key={s.documentId}>{t("bulkEmail.skippedItem", { reference: s.reference, contact: s.contactName })}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
