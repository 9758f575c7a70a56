import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isAdmin } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { dashboardSummary } from "@/lib/dashboard/summary";
import { EmailTable } from "@/app/_components/document-email/email-table";
import { DocumentTable } from "./documents/document-table";
import styles from "./dashboard.module.css";

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  const user = await requireUser();
  const t = await getTranslations();
  const summary = dashboardSummary({ businessId: user.businessId });
  const { attention, counts } = summary;

  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p>{t("dashboard.welcome", { name: user.name })}</p>

      <section aria-labelledby="attention-heading" className={styles.block}>
        <h2 id="attention-heading">{t("dashboard.attention.title")}</h2>
        {summary.reconnect ? (
          <p className="notice warn">
            {t("dashboard.reconnectNeeded")}{" "}
            {isAdmin(user) ? <Link href={`/settings/email?protocol=${summary.reconnect}`}>{t(`dashboard.reconnect.${summary.reconnect}`)}</Link> : t("dashboard.askAdmin")}
          </p>
        ) : null}
        {summary.emailReady ? (
          <p className="notice ok">{t("dashboard.emailReady")}</p>
        ) : (
          <p className="notice warn">
            {t("dashboard.emailNotReady")}{" "}
            {isAdmin(user) ? <Link href="/settings/email">{t("dashboard.setUpEmail")}</Link> : t("dashboard.askAdmin")}
          </p>
        )}
        {attention.total > 0 ? (
          <>
            <p className="notice error">{t("dashboard.attention.emails", { count: attention.total })}</p>
            <EmailTable entries={attention.emails} caption={t("dashboard.attention.emailsCaption")} showSender={false} showDocument={false} />
            <p>
              <Link href="/emails">{t("dashboard.openEmailLog")}</Link>
            </p>
          </>
        ) : (
          <p>{t("dashboard.attention.noneToRetry")}</p>
        )}
      </section>

      <section aria-labelledby="recent-emails-heading" className={styles.block}>
        <h2 id="recent-emails-heading">{t("dashboard.recentEmails.title")}</h2>
        {summary.emailCounts.length > 0 ? (
          <ul className={styles.statusCounts} aria-label={t("dashboard.recentEmails.byStatus")}>
            {summary.emailCounts.map(({ status, count }) => (
              <li key={status} data-status={status}>
                <span className={`badge ${status}`}>{t(`emails.statuses.${status}`)}</span> {count}
              </li>
            ))}
          </ul>
        ) : null}
        {summary.recentEmails.length > 0 ? (
          <EmailTable entries={summary.recentEmails} caption={t("dashboard.recentEmails.title")} showSender={false} showDocument={false} showActions={false} />
        ) : (
          <p className="notice info">{t(summary.emailReady ? "dashboard.recentEmails.empty" : "dashboard.recentEmails.emptyNotReady")}</p>
        )}
        <p>
          <Link href="/emails">{t("dashboard.openEmailLog")}</Link>
        </p>
      </section>

      <section aria-labelledby="recent-documents-heading" className={styles.block}>
        <h2 id="recent-documents-heading">{t("dashboard.recentDocuments.title")}</h2>
        {summary.recentDocuments.length > 0 ? (
          <DocumentTable rows={summary.recentDocuments} label={t("dashboard.recentDocuments.title")} showType contactHeading={t("dashboard.recentDocuments.contact")} currency={summary.currency} />
        ) : counts.customers + counts.suppliers === 0 ? (
          <p className="notice info">
            {t("dashboard.recentDocuments.emptyNoContacts")} <Link href="/customers/new">{t("dashboard.recentDocuments.addCustomer")}</Link>
          </p>
        ) : (
          <p className="notice info">
            {t("dashboard.recentDocuments.empty")} <Link href="/documents">{t("dashboard.recentDocuments.chooseType")}</Link>
          </p>
        )}
        <p>{t("dashboard.counts", counts)}</p>
        <p>
          <Link href="/documents">{t("dashboard.recentDocuments.all")}</Link>
        </p>
      </section>
    </>
  );
}
