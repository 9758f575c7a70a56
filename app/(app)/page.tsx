import { and, count, eq } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { contacts, documents } from "@/db/schema";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { emailSettingsCompleteFor } from "@/lib/mail/setup";

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  const user = await requireUser();
  const t = await getTranslations("dashboard");
  const db = getDb();
  const contactCount = (kind: "customer" | "supplier") =>
    db.select({ n: count() }).from(contacts).where(and(eq(contacts.businessId, user.businessId), eq(contacts.kind, kind))).get()?.n ?? 0;
  const documentCount = db.select({ n: count() }).from(documents).where(eq(documents.businessId, user.businessId)).get()?.n ?? 0;
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("welcome", { name: user.name })}</p>
      <p>{t("counts", { customers: contactCount("customer"), suppliers: contactCount("supplier"), documents: documentCount })}</p>
      {emailSettingsCompleteFor(user.businessId) ? (
        <p className="notice ok">{t("emailReady")}</p>
      ) : (
        <p className="notice warn">
          {t("emailNotReady")}{" "}
          {user.role === "admin" ? <Link href="/settings/email">{t("setUpEmail")}</Link> : t("askAdmin")}
        </p>
      )}
    </>
  );
}
