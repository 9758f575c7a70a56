import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isAdmin } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { appPasswordKey, guideFor, guideSettingsPath, guideStepPath, stepNumberFrom, type Guide } from "@/lib/guides/guides";
import { oauthRedirectUri } from "@/lib/mail/oauth/providers";
import { guideText } from "../../guide-text";
import styles from "../../guides.module.css";
import { StepHeading, StepLink } from "./wizard-focus";

type Params = Promise<{ provider: string; step: string }>;

type GuidesTranslator = Awaited<ReturnType<typeof getTranslations<"guides">>>;

/** "Set up email with Gmail", or a wizard's own title ("Register Mailroom with Microsoft Entra"). */
function guideTitle(t: GuidesTranslator, guide: Guide, appName: string): string {
  return guide.provider ? t("guideTitle", { provider: guide.name }) : t(`providers.${guide.slug}.title`, { appName });
}

async function guideStep(params: Params): Promise<{ guide: Guide; step: number }> {
  const { provider, step: segment } = await params;
  const guide = guideFor(provider);
  const step = guide ? stepNumberFrom(segment, guide.steps.length) : undefined;
  if (!guide || !step) notFound();
  return { guide, step };
}

export async function generateMetadata({ params }: { params: Params }) {
  const { guide, step } = await guideStep(params);
  const t = await getTranslations("guides");
  const appName = (await getTranslations("common"))("appName");
  const stepTitle = t(`providers.${guide.slug}.steps.${guide.steps[step - 1].id}.title`, { appName });
  return { title: `${stepTitle} · ${guideTitle(t, guide, appName)}` };
}

export default async function GuideStepPage({ params }: { params: Params }) {
  const user = await requireUser();
  const { guide, step } = await guideStep(params);
  const { provider, steps, slug } = guide;
  const t = await getTranslations("guides");
  const appName = (await getTranslations("common"))("appName");
  const current = steps[step - 1];
  const base = `providers.${slug}.steps.${current.id}`;
  const text = (key: string) => guideText(t, key, guide, appName);
  const stepTitle = (id: string) => t(`providers.${slug}.steps.${id}.title`, { appName });
  const security = (mode: string) => t(`settings.securityModes.${mode}`);
  const items = t.has(`${base}.items`) ? Object.keys(t.raw(`${base}.items`) as Record<string, string>) : [];

  return (
    <>
      <p>
        <Link href="/guides">{t("allGuides")}</Link>
      </p>
      <h1>{guideTitle(t, guide, appName)}</h1>
      <p className="hint">{t(`providers.${slug}.intro`, { appName })}</p>

      <nav aria-label={t("stepsLabel", { provider: guide.name })}>
        <ol className={styles.stepper}>
          {steps.map((s, index) => (
            <li key={s.id} aria-current={index + 1 === step ? "step" : undefined}>
              {index + 1 === step ? (
                <span>{stepTitle(s.id)}</span>
              ) : (
                <StepLink href={guideStepPath(slug, index + 1)}>{stepTitle(s.id)}</StepLink>
              )}
            </li>
          ))}
        </ol>
      </nav>

      <section aria-labelledby="guide-step-title" className={`card ${styles.step}`}>
        <StepHeading id="guide-step-title" className={styles.stepTitle}>
          <span className={styles.progress}>{t("progress", { step, total: steps.length })}</span>
          <span className="visually-hidden">: </span>
          {stepTitle(current.id)}
        </StepHeading>
        <p>{text(`${base}.body`)}</p>
        {items.length > 0 ? (
          <ol>
            {items.map((item) => (
              <li key={item}>{text(`${base}.items.${item}`)}</li>
            ))}
          </ol>
        ) : null}

        {current.kind === "redirectUri" && guide.registers ? (
          <table className={styles.settings}>
            <caption>{t("registration.caption", { provider: guide.name })}</caption>
            <tbody>
              <tr>
                <th scope="row">{t("registration.platform")}</th>
                <td>{t("registration.web")}</td>
              </tr>
              <tr>
                <th scope="row">{t("registration.redirectUri")}</th>
                <td>
                  <code>{oauthRedirectUri(guide.registers)}</code>
                </td>
              </tr>
            </tbody>
          </table>
        ) : null}

        {current.kind === "settings" && provider ? (
          <table className={styles.settings}>
            <caption>{t("settings.caption", { provider: provider.name })}</caption>
            <tbody>
              <tr>
                <th scope="row">{t("settings.server")}</th>
                <td>
                  <code>{provider.smtp.host}</code>
                </td>
              </tr>
              <tr>
                <th scope="row">{t("settings.port")}</th>
                <td>{provider.smtp.port}</td>
              </tr>
              <tr>
                <th scope="row">{t("settings.security")}</th>
                <td>{security(provider.smtp.security)}</td>
              </tr>
              {provider.alternative ? (
                <tr>
                  <th scope="row">{t("settings.alternative")}</th>
                  <td>
                    {t("settings.alternativeValue", { port: provider.alternative.port, security: security(provider.alternative.security) })}
                  </td>
                </tr>
              ) : null}
              <tr>
                <th scope="row">{t("settings.password")}</th>
                <td>{t(`settings.appPassword.${appPasswordKey(provider)}`)}</td>
              </tr>
            </tbody>
          </table>
        ) : null}

        {t.has(`${base}.note`) ? <p className="notice info">{text(`${base}.note`)}</p> : null}
        {t.has(`${base}.warning`) ? <p className="notice warn">{text(`${base}.warning`)}</p> : null}

        {current.kind === "finish" ? (
          isAdmin(user) ? (
            <div className={styles.finish}>
              <Link className="button" href={guideSettingsPath(guide)} aria-describedby="use-settings-hint">
                {t("finish.useSettings")}
              </Link>
              <p id="use-settings-hint" className="hint">
                {t(provider?.smtp && !provider.signIn?.only ? "finish.useSettingsHint" : "finish.useSignInHint")}
              </p>
            </div>
          ) : (
            <p className="notice info">{t("finish.askAdmin")}</p>
          )
        ) : null}
      </section>

      <nav aria-label={t("pagerLabel")} className={styles.pager}>
        {step > 1 ? (
          <StepLink className="button secondary" rel="prev" href={guideStepPath(slug, step - 1)}>
            {t("back")}
          </StepLink>
        ) : null}
        {step < steps.length ? (
          <StepLink className="button" rel="next" href={guideStepPath(slug, step + 1)}>
            {t("next")}
          </StepLink>
        ) : null}
      </nav>
    </>
  );
}
