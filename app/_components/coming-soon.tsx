import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";

/** An honest placeholder for a section whose issue has not landed yet. */
export async function ComingSoon({ titleKey }: { titleKey: string }) {
  await requireUser();
  const t = await getTranslations();
  return (
    <>
      <h1>{t(titleKey)}</h1>
      <p className="notice info">{t("common.comingSoonBody")}</p>
    </>
  );
}
