// The step order of each provider guide. Words live in the "guides" catalogs; server, port,
// security and the security page come from providers.ts, so a guide cannot drift from the presets.
import { providerBySlug, providers, type EmailProvider } from "@/lib/mail/providers";

/** text: catalog words only; settings: also the server table; finish: also "Use these settings". */
export type GuideStepKind = "text" | "settings" | "finish";

export interface GuideStep {
  /** Key under guides.providers.<slug>.steps in the catalogs. */
  id: string;
  kind: GuideStepKind;
}

export interface Guide {
  provider: EmailProvider;
  steps: readonly GuideStep[];
}

const text = (id: string): GuideStep => ({ id, kind: "text" });
const serverSettings: GuideStep = { id: "server", kind: "settings" };
const testAndSave: GuideStep = { id: "testSave", kind: "finish" };

export const guideSteps: Readonly<Record<string, readonly GuideStep[]>> = {
  gmail: [text("twoStep"), text("appPassword"), text("usePassword"), serverSettings, testAndSave],
  yahoo: [text("openSecurity"), text("createAppPassword"), text("copyPassword"), serverSettings, testAndSave],
  outlook: [text("twoStep"), text("appPassword"), serverSettings, testAndSave],
  microsoft365: [text("smtpAuthChange"), text("enableMailbox"), text("tenantSetting"), serverSettings, testAndSave],
  icloud: [text("appPassword"), serverSettings, testAndSave],
  zoho: [text("appPassword"), serverSettings, testAndSave],
  fastmail: [text("appPassword"), serverSettings, testAndSave],
};

/** Every provider of the table that has a guide, in the table's order. */
export function allGuides(): Guide[] {
  return providers.flatMap((provider) => {
    const steps = guideSteps[provider.slug];
    return steps ? [{ provider, steps }] : [];
  });
}

export function guideFor(slug: string): Guide | undefined {
  const provider = providerBySlug(slug);
  const steps = provider ? guideSteps[provider.slug] : undefined;
  return provider && steps ? { provider, steps } : undefined;
}

/** The 1-based step number in a URL segment, or undefined when it is not a step of this guide. */
export function stepNumberFrom(segment: string, total: number): number | undefined {
  if (!/^[1-9][0-9]{0,2}$/.test(segment)) return undefined;
  const step = Number(segment);
  return step <= total ? step : undefined;
}

export function guideStepPath(slug: string, step: number): string {
  return `/guides/${slug}/${step}`;
}

/** The email settings form pre-fills server, port and security from providers.ts for this slug. */
export function settingsFormPath(slug: string): string {
  return `/settings/email?provider=${encodeURIComponent(slug)}`;
}

/** Catalog key (under guides.settings.appPassword) for how a provider treats passwords. */
export function appPasswordKey(provider: EmailProvider): "required" | "whenTwoStepOn" | "notUsed" {
  return provider.appPassword === "required" ? "required" : provider.appPassword === "when-two-step-on" ? "whenTwoStepOn" : "notUsed";
}

/** Tags the guide texts may use; each page renders them, and the catalog test checks nothing else is used. */
export const guideTextTags = ["strong", "code", "link"] as const;
