import { getFormatter, getTranslations } from "next-intl/server";
import { listActivity } from "@/lib/activity/log";
import { requireAdmin } from "@/lib/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("settings.activity");
  return { title: t("title") };
}

export default async function ActivityPage() {
  const admin = await requireAdmin();
  const t = await getTranslations("settings.activity");
  const format = await getFormatter();
  const rows = listActivity({ businessId: admin.businessId });
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">{t("title")}</h2>
      <p className="hint">{t("intro")}</p>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table aria-label={t("title")}>
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("what")}</th>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("about")}</th>
              <th scope="col">{t("from")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{format.dateTime(row.createdAt, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short" })}</td>
                <td>{t(`kinds.${row.kind}`)}</td>
                <td>{row.actorLabel || "—"}</td>
                <td>{row.subject || "—"}</td>
                <td>{row.ipAddress || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
