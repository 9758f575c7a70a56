import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { findBusinessUser } from "@/lib/users/lifecycle";
import { UserActions } from "./user-actions";

export async function generateMetadata() {
  const t = await getTranslations("settings.users");
  return { title: t("title") };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdmin();
  const id = Number((await params).id);
  const user = Number.isInteger(id) && id > 0 ? findBusinessUser({ businessId: admin.businessId, userId: id }) : null;
  if (!user) notFound();
  const t = await getTranslations("settings.users");
  return (
    <section aria-labelledby="user-heading">
      <p>
        <Link href="/settings/users">{t("manage.back")}</Link>
      </p>
      <h2 id="user-heading">{user.name}</h2>
      <p>
        {user.email} · {t(`roles.${user.role}`)} · {user.disabledAt ? t("status.disabled") : t("status.active")}
      </p>
      <UserActions user={{ id: user.id, role: user.role, disabled: Boolean(user.disabledAt) }} isSelf={user.id === admin.id} />
    </section>
  );
}
