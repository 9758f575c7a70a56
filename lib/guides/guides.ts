// The step order of each guide. Words live in the "guides" catalogs; server, port, security and
// the security page come from providers.ts, so a guide cannot drift from the presets.
import type { OAuthProvider } from "@/lib/mail/oauth/providers";
import { providers, type EmailProvider } from "@/lib/mail/providers";

/**
 * text: catalog words only; settings: also the server table; redirectUri: also the redirect URI
 * to register; finish: also "Use these settings".
 */
export type GuideStepKind = "text" | "settings" | "redirectUri" | "finish";

export interface GuideStep {
  /** Key under guides.providers.<slug>.steps in the catalogs. */
  id: string;
  kind: GuideStepKind;
}

export interface Guide {
  /** /guides/<slug>, and the key of its texts under guides.providers. */
  slug: string;
  name: string;
  /** The email provider of a provider guide; absent for the app-registration wizards. */
  provider?: EmailProvider;
  /** The app-registration wizard's sign-in provider. */
  registers?: OAuthProvider;
  steps: readonly GuideStep[];
  /** Where the guide's <link> texts point: the provider's or the cloud console's page. */
  linkUrl: string;
}

export type ProviderGuide = Guide & { provider: EmailProvider };

const text = (id: string): GuideStep => ({ id, kind: "text" });
const serverSettings: GuideStep = { id: "server", kind: "settings" };
const testAndSave: GuideStep = { id: "testSave", kind: "finish" };

export const guideSteps: Readonly<Record<string, readonly GuideStep[]>> = {
  gmail: [text("twoStep"), text("appPassword"), text("usePassword"), serverSettings, testAndSave],
  yahoo: [text("openSecurity"), text("createAppPassword"), text("copyPassword"), serverSettings, testAndSave],
  // Personal Microsoft accounts lost password sign-in on 16 September 2024: only signing in works.
  outlook: [text("noPasswords"), text("register"), text("signIn"), testAndSave],
  microsoft365: [text("signInRecommended"), text("smtpAuthChange"), text("enableMailbox"), text("tenantSetting"), serverSettings, testAndSave],
  icloud: [text("appPassword"), serverSettings, testAndSave],
  zoho: [text("appPassword"), serverSettings, testAndSave],
  fastmail: [text("appPassword"), serverSettings, testAndSave],
};

/** The wizards for the app registration that signing in with Microsoft or Google needs. */
export const registrationGuides: readonly Guide[] = [
  {
    slug: "microsoft-entra",
    name: "Microsoft Entra",
    registers: "microsoft",
    linkUrl: "https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade",
    steps: [text("newRegistration"), text("accountTypes"), { id: "redirectUri", kind: "redirectUri" }, text("clientSecret"), text("permissions"), { id: "useSettings", kind: "finish" }],
  },
  {
    slug: "google-cloud",
    name: "Google Cloud",
    registers: "google",
    linkUrl: "https://console.cloud.google.com/auth/overview",
    steps: [text("project"), text("consentScreen"), text("enableApi"), { id: "client", kind: "redirectUri" }, { id: "useSettings", kind: "finish" }],
  },
];

/** Every provider of the table that has a guide, in the table's order. */
export function allGuides(): ProviderGuide[] {
  return providers.flatMap((provider) => {
    const steps = guideSteps[provider.slug];
    return steps ? [{ slug: provider.slug, name: provider.name, provider, steps, linkUrl: provider.securityUrl }] : [];
  });
}

export function guideFor(slug: string): Guide | undefined {
  return allGuides().find((guide) => guide.slug === slug) ?? registrationGuides.find((guide) => guide.slug === slug);
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

/** The email settings form pre-fills from providers.ts for this slug (or selects its sign-in). */
export function settingsFormPath(slug: string): string {
  return `/settings/email?provider=${encodeURIComponent(slug)}`;
}

/** Where "Use these settings" goes: the provider's presets, or the sign-in choice a wizard registered for. */
export function guideSettingsPath(guide: Guide): string {
  return guide.registers ? `/settings/email?protocol=${guide.registers}` : settingsFormPath(guide.slug);
}

/** The registration wizard for a sign-in provider. */
export function registrationGuideFor(provider: OAuthProvider): Guide {
  return registrationGuides.find((guide) => guide.registers === provider)!;
}

/** Catalog key (under guides.settings.appPassword) for how a provider treats passwords. */
export function appPasswordKey(provider: EmailProvider): "required" | "whenTwoStepOn" | "notUsed" | "signIn" {
  if (provider.signIn?.only) return "signIn";
  return provider.appPassword === "required" ? "required" : provider.appPassword === "when-two-step-on" ? "whenTwoStepOn" : "notUsed";
}

/** Tags the guide texts may use; each page renders them, and the catalog test checks nothing else is used. */
export const guideTextTags = ["strong", "code", "link", "wizard"] as const;
