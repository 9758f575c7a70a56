import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { getBusiness } from "@/lib/businesses/queries";
import { BusinessForm } from "./business-form";

export async function generateMetadata() {
  const t = await getTranslations("settings.business");
  return { title: t("title") };
}

export default async function BusinessSettingsPage() {
  const user = await requireAdmin();
  const t = await getTranslations("settings.business");
  const business = getBusiness({ businessId: user.businessId })!;
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
