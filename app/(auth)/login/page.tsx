import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { hasAnyUser } from "@/lib/users/queries";
import { LoginForm } from "./login-form";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage() {
  if (!hasAnyUser()) redirect("/setup");
  if (await currentUser()) redirect("/");
  const t = await getTranslations("login");
  return (
    <main className="auth-page">
      <div className="card">
        <h1>{t("title")}</h1>
        <LoginForm />
      </div>
    </main>
  );
}
