"use client";

import { useTranslations } from "next-intl";
import { signOutTo } from "@/lib/auth/browser";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <button type="button" className="secondary" onClick={() => signOutTo("/login")}>
      {t("signOut")}
    </button>
  );
}
