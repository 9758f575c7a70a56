import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { clientIp, isLoopback } from "@/lib/auth/client-ip";
import { hasAnyUser } from "@/lib/users/queries";
import { SetupForm } from "./setup-form";

export async function generateMetadata() {
  const t = await getTranslations("setup");
  return { title: t("title") };
}

export default async function SetupPage() {
  // First run only: once anyone exists, this page is gone.
  if (hasAnyUser()) redirect("/login");
  const t = await getTranslations("setup");
  const needsCode = !isLoopback(clientIp(await headers()));
  return (
    <main className="auth-page">
      <div className="card">
        <h1>{t("title")}</h1>
        <p className="hint">{t("intro")}</p>
        <SetupForm needsCode={needsCode} />
      </div>
    </main>
  );
}
