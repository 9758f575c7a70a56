// The one table of email providers: settings presets, app-password help and guide slugs.
// Pure and browser-safe: the settings form uses it to offer presets as the user types.
import type { OAuthProvider } from "./oauth/providers";
import type { SmtpSecurity } from "./types";

export interface SmtpPreset {
  host: string;
  port: number;
  security: SmtpSecurity;
}

export interface EmailProvider {
  /** Guide slug: /guides/<slug>. */
  slug: string;
  name: string;
  /** Address domains that belong to this provider (lower case). Empty when it cannot be told from the address. */
  domains: readonly string[];
  /** SMTP host names of this provider (lower case); the first is the preset. */
  hosts: readonly string[];
  smtp: SmtpPreset;
  /** Address domains whose accounts live in another region, with that region's SMTP host. */
  regionalHosts?: Readonly<Record<string, string>>;
  alternative?: SmtpPreset;
  /** Whether the normal account password is refused for SMTP and an app password is needed. */
  appPassword: "required" | "when-two-step-on" | "not-used";
  /** Where the user creates the app password or turns SMTP on. */
  securityUrl: string;
  /** The provider's published sending limits; the queue's default rate for these settings. */
  sendingLimits?: { perMinute: number; perDay: number };
  /** Signing in with Microsoft or Google: offered as the better way, or (`only`) the only one left. */
  signIn?: { with: OAuthProvider; only?: true };
  /** Address domains told by their first label under any country ending (hotmail.co.jp, live.nl). */
  domainPrefixes?: readonly string[];
}

// Deliberately one literal record per provider, alike in shape: each is a fact to check against the provider's own page.
export const providers: readonly EmailProvider[] = [
  {
    slug: "gmail",
    name: "Gmail",
    domains: ["gmail.com", "googlemail.com"],
    hosts: ["smtp.gmail.com", "smtp.googlemail.com"],
    smtp: { host: "smtp.gmail.com", port: 587, security: "starttls" },
    alternative: { host: "smtp.gmail.com", port: 465, security: "tls" },
    appPassword: "required",
    securityUrl: "https://myaccount.google.com/apppasswords",
    sendingLimits: { perMinute: 20, perDay: 500 },
    signIn: { with: "google" },
  },
  {
    slug: "yahoo",
    name: "Yahoo Mail",
    domains: [
      "yahoo.com", "yahoo.es", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.it", "yahoo.ca", "yahoo.com.au",
      "yahoo.com.ar", "yahoo.com.br", "yahoo.com.mx", "yahoo.co.in", "yahoo.co.jp", "ymail.com", "rocketmail.com",
    ],
    hosts: ["smtp.mail.yahoo.com"],
    smtp: { host: "smtp.mail.yahoo.com", port: 465, security: "tls" },
    alternative: { host: "smtp.mail.yahoo.com", port: 587, security: "starttls" },
    appPassword: "required",
    securityUrl: "https://login.yahoo.com/account/security",
    sendingLimits: { perMinute: 20, perDay: 500 },
  },
  {
    slug: "outlook",
    name: "Outlook.com",
    domains: [
      "outlook.com", "outlook.es", "outlook.fr", "outlook.de", "outlook.it", "hotmail.com", "hotmail.es", "hotmail.co.uk",
      "hotmail.fr", "hotmail.de", "hotmail.it", "live.com", "live.co.uk", "live.fr", "live.com.mx", "msn.com",
    ],
    hosts: ["smtp-mail.outlook.com", "smtp.live.com"],
    smtp: { host: "smtp-mail.outlook.com", port: 587, security: "starttls" },
    appPassword: "when-two-step-on",
    securityUrl: "https://account.microsoft.com/security",
    sendingLimits: { perMinute: 30, perDay: 300 },
    // Microsoft removed password sign-in (app passwords too) for personal accounts on 16 September 2024.
    signIn: { with: "microsoft", only: true },
    domainPrefixes: ["outlook", "hotmail", "live"],
  },
  {
    slug: "microsoft365",
    name: "Microsoft 365",
    // Business domains are the customer's own, so Microsoft 365 is only recognised by its host.
    domains: [],
    hosts: ["smtp.office365.com"],
    smtp: { host: "smtp.office365.com", port: 587, security: "starttls" },
    appPassword: "not-used",
    securityUrl: "https://admin.microsoft.com",
    sendingLimits: { perMinute: 30, perDay: 10_000 },
    signIn: { with: "microsoft" },
  },
  {
    slug: "icloud",
    name: "iCloud Mail",
    domains: ["icloud.com", "me.com", "mac.com"],
    hosts: ["smtp.mail.me.com"],
    smtp: { host: "smtp.mail.me.com", port: 587, security: "starttls" },
    appPassword: "required",
    securityUrl: "https://account.apple.com",
  },
  {
    slug: "zoho",
    name: "Zoho Mail",
    domains: ["zoho.com", "zohomail.com", "zoho.eu"],
    // One pair per data centre (US, EU, India, Australia, Japan, China, Saudi Arabia, Canada);
    // smtppro.* is for paid organisation plans.
    hosts: [
      "smtp.zoho.com", "smtp.zoho.eu", "smtp.zoho.in", "smtp.zoho.com.au", "smtp.zoho.jp", "smtp.zoho.com.cn", "smtp.zoho.sa", "smtp.zohocloud.ca",
      "smtppro.zoho.com", "smtppro.zoho.eu", "smtppro.zoho.in", "smtppro.zoho.com.au", "smtppro.zoho.jp", "smtppro.zoho.com.cn", "smtppro.zoho.sa", "smtppro.zohocloud.ca",
    ],
    smtp: { host: "smtp.zoho.com", port: 465, security: "tls" },
    regionalHosts: { "zoho.eu": "smtp.zoho.eu" },
    alternative: { host: "smtp.zoho.com", port: 587, security: "starttls" },
    appPassword: "when-two-step-on",
    securityUrl: "https://accounts.zoho.com/home#security/app_password",
  },
  {
    slug: "fastmail",
    name: "Fastmail",
    domains: ["fastmail.com", "fastmail.fm", "fastmail.net", "fastmail.org", "fastmail.us", "fastmail.co.uk"],
    hosts: ["smtp.fastmail.com"],
    // Fastmail's own table lists only 465 with SSL/TLS.
    smtp: { host: "smtp.fastmail.com", port: 465, security: "tls" },
    appPassword: "required",
    securityUrl: "https://app.fastmail.com/settings/security/apps",
  },
];

function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, "");
}

function addressDomain(addressOrUsername: string): string | undefined {
  const match = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/.exec(addressOrUsername.trim());
  return match ? normaliseHost(match[1]) : undefined;
}

/** Emails per minute the queue sends with these settings: the saved rate, else the provider's limit, else unlimited (null). */
export function sendRatePerMinute(host: string, saved: number | null): number | null {
  return saved ?? providerForHost(host)?.sendingLimits?.perMinute ?? null;
}

/** The provider an address (or an address-like username) belongs to; undefined when unknown. Never guesses. */
export function detectProviderFromAddress(addressOrUsername: string): EmailProvider | undefined {
  const domain = addressDomain(addressOrUsername);
  if (!domain) return undefined;
  const [firstLabel, ...ending] = domain.split(".");
  const countryEnding = /^(com|net|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})$/.test(ending.join("."));
  return providers.find((provider) => provider.domains.includes(domain) || (countryEnding && provider.domainPrefixes?.includes(firstLabel)));
}

/** The provider's preset for this address: its region's host when the domain says which. */
export function presetFor(provider: EmailProvider, addressOrUsername: string): SmtpPreset {
  const domain = addressDomain(addressOrUsername);
  const regions = provider.regionalHosts ?? {};
  return domain && Object.hasOwn(regions, domain) ? { ...provider.smtp, host: regions[domain] } : provider.smtp;
}

/** The provider that runs this SMTP host; undefined for anything else. */
export function providerForHost(host: string): EmailProvider | undefined {
  const wanted = normaliseHost(host);
  return providers.find((provider) => provider.hosts.includes(wanted));
}

/**
 * The provider whose settings to offer for this username, or undefined when its host is already
 * typed: any host of the provider counts (an EU Zoho user on smtp.zoho.eu is not offered smtp.zoho.com).
 */
export function providerToOffer(username: string, smtpHost: string): EmailProvider | undefined {
  const provider = detectProviderFromAddress(username);
  // A provider that only signs in is offered whatever the host: its SMTP refuses every password.
  return provider && (provider.signIn?.only || !provider.hosts.includes(normaliseHost(smtpHost))) ? provider : undefined;
}

export function providerBySlug(slug: string): EmailProvider | undefined {
  return providers.find((provider) => provider.slug === slug);
}
