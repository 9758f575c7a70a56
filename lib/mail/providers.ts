// The one table of email providers: settings presets, app-password help and guide slugs.
// Pure and browser-safe: the settings form uses it to offer presets as the user types.
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
  alternative?: SmtpPreset;
  /** Whether the normal account password is refused for SMTP and an app password is needed. */
  appPassword: "required" | "when-two-step-on" | "not-used";
  /** Where the user creates the app password or turns SMTP on. */
  securityUrl: string;
}

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
    hosts: ["smtp.zoho.com", "smtp.zoho.eu", "smtppro.zoho.com", "smtppro.zoho.eu"],
    smtp: { host: "smtp.zoho.com", port: 465, security: "tls" },
    alternative: { host: "smtp.zoho.com", port: 587, security: "starttls" },
    appPassword: "when-two-step-on",
    securityUrl: "https://accounts.zoho.com/home#security/app_password",
  },
  {
    slug: "fastmail",
    name: "Fastmail",
    domains: ["fastmail.com", "fastmail.fm", "fastmail.net", "fastmail.org", "fastmail.us", "fastmail.co.uk"],
    hosts: ["smtp.fastmail.com"],
    smtp: { host: "smtp.fastmail.com", port: 465, security: "tls" },
    alternative: { host: "smtp.fastmail.com", port: 587, security: "starttls" },
    appPassword: "required",
    securityUrl: "https://app.fastmail.com/settings/security/apps",
  },
];

function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, "");
}

/** The provider an address (or an address-like username) belongs to; undefined when unknown. Never guesses. */
export function detectProviderFromAddress(addressOrUsername: string): EmailProvider | undefined {
  const match = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/.exec(addressOrUsername.trim());
  if (!match) return undefined;
  const domain = normaliseHost(match[1]);
  return providers.find((provider) => provider.domains.includes(domain));
}

/** The provider that runs this SMTP host; undefined for anything else. */
export function providerForHost(host: string): EmailProvider | undefined {
  const wanted = normaliseHost(host);
  return providers.find((provider) => provider.hosts.includes(wanted));
}

export function providerBySlug(slug: string): EmailProvider | undefined {
  return providers.find((provider) => provider.slug === slug);
}
