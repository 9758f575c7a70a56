import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { currencies, currencyOptionLabel, isCurrency } from "@/lib/businesses/currencies";
import { getBusiness, hasBusinessLogo } from "@/lib/businesses/queries";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { BusinessForm } from "./business-form";

export async function generateMetadata() {
  const t = await getTranslations("settings.business");
  return { title: t("title") };
}

export default async function BusinessSettingsPage() {
  const user = await requireAdmin();
  const t = await getTranslations("settings.business");
  const locale = await getRequestLocale();
  const business = getBusiness({ businessId: user.businessId })!;
  const currencyOptions = currencies.map((code) => ({ value: code, label: currencyOptionLabel(code, locale) }));
  return (
    <section aria-labelledby="business-heading">
      <h2 id="business-heading">{t("title")}</h2>
      <p className="hint">{t("intro")}</p>
      <BusinessForm
        defaults={{
          name: business.name,
          address: business.address,
          email: business.email,
          phone: business.phone,
          taxId: business.taxId,
          currency: isCurrency(business.currency) ? business.currency : "EUR",
          defaultTaxRate: business.defaultTaxRate,
        }}
        currencyOptions={currencyOptions}
        hasLogo={hasBusinessLogo({ businessId: user.businessId })}
      />
    </section>
  );
}
