import { getTranslations } from "next-intl/server";
import { isAdmin } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { LanguageSwitcher } from "@/app/_components/language-switcher";
import { NavLinks } from "@/app/_components/nav-links";
import { SignOutButton } from "@/app/_components/sign-out-button";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations();
  const links = [
    { href: "/", label: t("nav.dashboard") },
    { href: "/customers", label: t("nav.customers") },
    { href: "/suppliers", label: t("nav.suppliers") },
    { href: "/documents", label: t("nav.documents") },
    { href: "/emails", label: t("nav.emails") },
    ...(isAdmin(user) ? [{ href: "/settings", label: t("nav.settings") }] : []),
    { href: "/guides", label: t("nav.guides") },
  ];
  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        {t("common.skipToContent")}
      </a>
      <header className="sidebar">
        <div className="brand">{user.businessName}</div>
        <NavLinks links={links} label={t("nav.label")} />
        <div className="sidebar-footer">
          <span>{t("nav.signedInAs", { name: user.name })}</span>
          <a href="/change-password">{t("nav.changePassword")}</a>
          <LanguageSwitcher />
          <SignOutButton />
        </div>
      </header>
      <main id="content">{children}</main>
    </div>
  );
}
