import { getTranslations } from "next-intl/server";
import { peekPasswordResetToken } from "@/lib/users/lifecycle";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata() {
  const t = await getTranslations("resetPassword");
  return { title: t("title") };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const owner = value ? peekPasswordResetToken({ token: value }) : null;
  const t = await getTranslations("resetPassword");
  return (
    <main className="auth-page">
      <div className="card">
        <h1>{t("title")}</h1>
        {owner ? (
          <>
            <p className="hint">{t("intro", { email: owner.email })}</p>
            <ResetPasswordForm token={value} />
          </>
        ) : (
          <p role="alert">{t("invalidLink")}</p>
        )}
      </div>
    </main>
  );
}
