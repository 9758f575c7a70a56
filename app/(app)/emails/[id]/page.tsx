import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { documentTypeInfo } from "@/lib/documents/types";
import { htmlWithInlineImages } from "@/lib/mail/compose";
import { loadEmail } from "@/lib/mail/email-log";
import { failureForViewer, outcomeForViewer } from "@/lib/mail/failure-for-viewer";
import { hasRemoteImages } from "@/lib/mail/remote-images";
import { DiagnosisReport } from "@/app/_components/diagnosis-report";
import { LiveEmailStatus } from "@/app/_components/document-email/live-email-status";
import { EmailBodyFrame } from "@/app/_components/email-body-frame";

export default async function EmailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = Number((await params).id);
  const found = Number.isInteger(id) && id > 0 ? loadEmail(user.businessId, id) : null;
  if (!found) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const { email, failure } = found;
  const rows: [string, React.ReactNode][] = [
    [t("emails.status"), <LiveEmailStatus key="s" initial={outcomeForViewer(found.progress, user.role)} subject={email.subject} />],
    [t("emails.time"), format.dateTime(email.createdAt, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" })],
    [t("emails.sender"), found.senderName ?? t("emails.unknownUser")],
    [t("emails.from"), email.fromAddress],
    [t("emails.recipients"), email.toAddresses],
    [t("emails.cc"), email.ccAddresses || "—"],
    [t("emails.bcc"), email.bccAddresses || "—"],
    [t("emails.replyTo"), email.replyTo || "—"],
    [t("emails.subject"), email.subject],
    [
      t("emails.document"),
      email.documentId && found.documentType ? (
        <Link key="d" href={`/documents/${found.documentType}/${email.documentId}`}>
          {t(documentTypeInfo[found.documentType].messages.singular)} {found.documentReference}
        </Link>
      ) : (
        t("emails.deletedDocument")
      ),
    ],
    [t("emails.attachments"), found.attachments.map((a) => a.filename).join(", ") || "—"],
    [t("emails.attempts"), String(email.attempts)],
    [t("emails.messageId"), email.messageId ?? "—"],
  ];
  return (
    <>
      <p>
        <Link href="/emails">← {t("emails.back")}</Link>
      </p>
      <h1>{email.subject}</h1>
      <table>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {email.status === "interrupted" ? <p className="notice warn">{t("emails.interruptedHint")}</p> : null}
      {failure ? (
        <section aria-labelledby="failure-heading" className="notice error">
          <h2 id="failure-heading">{t("emails.failure")}</h2>
          <DiagnosisReport failure={failureForViewer(failure, user.role)} />
        </section>
      ) : null}
      {found.attempts.length ? (
        <section aria-labelledby="attempts-heading">
          <h2 id="attempts-heading">{t("emails.attemptLog")}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("emails.attemptLog")}</th>
                <th scope="col">{t("emails.attemptStarted")}</th>
                <th scope="col">{t("emails.attemptOutcome")}</th>
                <th scope="col">{t("emails.attemptReason")}</th>
              </tr>
            </thead>
            <tbody>
              {found.attempts.map((a) => (
                <tr key={a.number} data-attempt={a.number}>
                  <td>{t("emails.attemptNumber", { number: a.number })}</td>
                  <td>{format.dateTime(a.startedAt, { hour: "2-digit", minute: "2-digit", second: "2-digit" })}</td>
                  <td>{a.outcome ? t(`emails.statuses.${a.outcome}`) : t("emails.statuses.sending")}</td>
                  <td>{(a.failure && failureForViewer(a.failure, user.role).raw) || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <h2>{t("emails.body")}</h2>
      <EmailBodyFrame
        html={htmlWithInlineImages(email.bodyHtml, found.inlineImages)}
        title={t("emails.body")}
        withImagesUrl={`/emails/${email.id}/body`}
        hasRemoteImages={hasRemoteImages(email.bodyHtml)}
      />
    </>
  );
}
