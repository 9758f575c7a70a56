import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { allGuides, appPasswordKey, guideStepPath, registrationGuides } from "@/lib/guides/guides";
import styles from "./guides.module.css";

export async function generateMetadata() {
  const t = await getTranslations("guides");
  return { title: t("title") };
}

export default async function GuidesPage() {
  await requireUser();
  const t = await getTranslations("guides");
  const appName = (await getTranslations("common"))("appName");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <ul className={styles.list} aria-label={t("listLabel")}>
        {allGuides().map(({ provider }) => (
          <li key={provider.slug} className="card">
            <h2>
              <Link href={guideStepPath(provider.slug, 1)}>
                {provider.name}
              </Link>
            </h2>
            <p>{t(`providers.${provider.slug}.intro`)}</p>
            <p className="hint">
              {provider.signIn?.only ? null : (
                <>
                  <code>
                    {t("summary", {
                      host: provider.smtp.host,
                      port: provider.smtp.port,
                      security: t(`settings.securityModes.${provider.smtp.security}`),
                    })}
                  </code>
                  {" · "}
                </>
              )}
              {t(`settings.appPassword.${appPasswordKey(provider)}`)}
            </p>
          </li>
        ))}
      </ul>

      <h2>{t("registrationsTitle")}</h2>
      <p>{t("registrationsIntro")}</p>
      <ul className={styles.list} aria-label={t("registrationsLabel")}>
        {registrationGuides.map((guide) => (
          <li key={guide.slug} className="card">
            <h3>
              <Link href={guideStepPath(guide.slug, 1)}>{t(`providers.${guide.slug}.title`, { appName })}</Link>
            </h3>
            <p>{t(`providers.${guide.slug}.intro`, { appName })}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
