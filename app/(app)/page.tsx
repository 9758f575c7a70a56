import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { isAdmin } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { countContacts } from "@/lib/contacts/queries";
import { countDocuments } from "@/lib/documents/queries";
import { emailSettingsCompleteFor } from "@/lib/mail/setup";

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  const user = await requireUser();
  const t = await getTranslations("dashboard");
  const { businessId } = user;
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("welcome", { name: user.name })}</p>
      <p>{t("counts", { customers: countContacts({ businessId, kind: "customer" }), suppliers: countContacts({ businessId, kind: "supplier" }), documents: countDocuments({ businessId }) })}</p>
      {emailSettingsCompleteFor(user.businessId) ? (
        <p className="notice ok">{t("emailReady")}</p>
      ) : (
        <p className="notice warn">
          {t("emailNotReady")}{" "}
          {isAdmin(user) ? <Link href="/settings/email">{t("setUpEmail")}</Link> : t("askAdmin")}
        </p>
      )}
    </>
  );
}
