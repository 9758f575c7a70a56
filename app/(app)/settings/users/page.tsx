import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/queries";
import { AddUserForm } from "./add-user-form";

export async function generateMetadata() {
  const t = await getTranslations("settings.users");
  return { title: t("title") };
}

export default async function UsersPage() {
  const admin = await requireAdmin();
  const t = await getTranslations("settings.users");
  const rows = listUsers({ businessId: admin.businessId });
  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">{t("title")}</h2>
      <p className="hint">{t("intro")}</p>
      <table aria-label={t("listLabel")}>
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("email")}</th>
            <th scope="col">{t("role")}</th>
            <th scope="col">{t("statusLabel")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.id}>
              <td>
                <Link href={`/settings/users/${u.id}`} aria-label={t("manage.link", { name: u.name })}>
                  {u.name}
                </Link>{" "}
                {u.id === admin.id ? t("you") : null}
              </td>
              <td>{u.email}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>{u.disabledAt ? t("status.disabled") : t("status.active")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("add")}</h2>
      <AddUserForm />
    </section>
  );
}
