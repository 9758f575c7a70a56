import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { NavLinks } from "@/app/_components/nav-links";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  const t = await getTranslations("settings");
  const sections = [
    { href: "/settings", label: t("business.title") },
    { href: "/settings/users", label: t("users.title") },
    { href: "/settings/email", label: t("email.title") },
    { href: "/settings/templates", label: t("templates.title") },
    { href: "/settings/activity", label: t("activity.title") },
  ];
  return (
    <>
      <h1>{t("title")}</h1>
      <NavLinks links={sections} label={t("sectionsLabel")} className="tabs" />
      {children}
    </>
  );
}
