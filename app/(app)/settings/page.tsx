import { eq } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { businesses } from "@/db/schema";
import { requireAdmin } from "@/lib/auth/session";
import { BusinessForm } from "./business-form";

export async function generateMetadata() {
  const t = await getTranslations("settings.business");
  return { title: t("title") };
}

export default async function BusinessSettingsPage() {
  const user = await requireAdmin();
  const t = await getTranslations("settings.business");
  const business = getDb().select().from(businesses).where(eq(businesses.id, user.businessId)).get()!;
  return (
    <section aria-labelledby="business-heading">
      <h2 id="business-heading">{t("title")}</h2>
      <p className="hint">{t("intro")}</p>
      <BusinessForm
        defaults={{ name: business.name, address: business.address, email: business.email, phone: business.phone }}
      />
    </section>
  );
}
