import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { sessionUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "./change-password-form";

export async function generateMetadata() {
  const t = await getTranslations("changePassword");
  return { title: t("title") };
}

export default async function ChangePasswordPage() {
  const user = await sessionUser();
  if (!user) redirect("/login");
  const t = await getTranslations("changePassword");
  return (
    <main className="auth-page">
      <div className="card">
        <h1>{t("title")}</h1>
        <p className="hint">{user.mustChangePassword ? t("required") : t("intro")}</p>
        <ChangePasswordForm />
      </div>
    </main>
  );
}
