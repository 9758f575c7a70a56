import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main className="auth-page">
      <div className="card">
        <h1>{t("notFoundTitle")}</h1>
        <p>{t("notFoundBody")}</p>
        <Link href="/">{t("goHome")}</Link>
      </div>
    </main>
  );
}
