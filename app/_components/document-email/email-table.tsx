import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { documentTypeInfo } from "@/lib/documents/types";
import { requireUser } from "@/lib/auth/session";
import type { EmailLogEntry } from "@/lib/mail/email-log";
import { outcomeForViewer } from "@/lib/mail/failure-for-viewer";
import { LiveEmailStatus } from "./live-email-status";

/** The sent log as a table: used by /emails, each document page and the dashboard (without sender and document columns). */
export async function EmailTable({
  entries,
  caption,
  showSender = true,
  showDocument = true,
  showActions = true,
}: {
  entries: EmailLogEntry[];
  caption: string;
  showSender?: boolean;
  showDocument?: boolean;
  showActions?: boolean;
}) {
  const { role } = await requireUser();
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("emails.time")}</th>
          {showSender ? <th scope="col">{t("emails.sender")}</th> : null}
          <th scope="col">{t("emails.recipients")}</th>
          <th scope="col">{t("emails.subject")}</th>
          {showDocument ? <th scope="col">{t("emails.document")}</th> : null}
          <th scope="col">{t("emails.status")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-email-id={e.id}>
            <td>
              <Link href={`/emails/${e.id}`}>{format.dateTime(e.createdAt, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" })}</Link>
            </td>
            {showSender ? <td>{e.senderName ?? t("emails.unknownUser")}</td> : null}
            <td>{[e.toAddresses, e.ccAddresses].filter(Boolean).join(", ")}</td>
            <td>{e.subject}</td>
            {showDocument ? (
              <td>
                {e.documentId && e.documentType ? (
                  <Link href={`/documents/${e.documentType}/${e.documentId}`}>
                    {t(documentTypeInfo[e.documentType].messages.singular)} {e.documentReference}
                  </Link>
                ) : (
                  t("emails.deletedDocument")
                )}
              </td>
            ) : null}
            <td>
              <LiveEmailStatus initial={outcomeForViewer(e.progress, role)} subject={e.subject} showActions={showActions} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
