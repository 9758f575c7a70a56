import { describe, expect, it } from "vitest";
import { detectProviderFromAddress, presetFor, providerBySlug, providerForHost, providers, providerToOffer, sendRatePerMinute } from "./providers";

describe("provider table", () => {
  it.each(providers.flatMap((provider) => provider.domains.map((domain) => ({ slug: provider.slug, domain }))))(
    "an address at $domain is detected as $slug",
    ({ slug, domain }) => {
      expect(detectProviderFromAddress(`someone@${domain}`)?.slug).toBe(slug);
      expect(detectProviderFromAddress(`  Some.One@${domain.toUpperCase()}  `)?.slug).toBe(slug);
    },
  );

  it.each(providers.flatMap((provider) => provider.hosts.map((host) => ({ slug: provider.slug, host }))))("host $host belongs to $slug", ({ slug, host }) => {
    expect(providerForHost(host)?.slug).toBe(slug);
    expect(providerForHost(host.toUpperCase() + ".")?.slug).toBe(slug);
  });

  it("offers signing in with Microsoft for Outlook.com, Hotmail, Live and MSN addresses under any country ending", () => {
    for (const address of ["a@outlook.com", "a@hotmail.com", "a@hotmail.co.jp", "a@hotmail.com.ar", "a@live.nl", "a@live.com.mx", "a@msn.com", "a@outlook.es"]) {
      expect(detectProviderFromAddress(address)?.signIn, address).toEqual({ with: "microsoft", only: true });
    }
    for (const address of ["a@live.example.test", "a@hotmailer.com", "a@mylive.com"]) expect(detectProviderFromAddress(address), address).toBeUndefined();
    expect(detectProviderFromAddress("a@gmail.com")?.signIn).toEqual({ with: "google" });
  });

  it("never guesses for unknown domains, hosts or non-addresses", () => {
    for (const value of ["owner@acme-supplies.es", "owner@gmail.com.evil.test", "owner@notgmail.com", "gmail.com", "owner", "", "a@b@gmail.com", "owner@gmail"]) {
      expect(detectProviderFromAddress(value), value).toBeUndefined();
    }
    for (const host of ["smtp.acme.es", "gmail.com", "mail.smtp.gmail.com.evil.test", ""]) expect(providerForHost(host), host).toBeUndefined();
  });

  it("has the presets the guides promise", () => {
    expect(providerBySlug("gmail")).toMatchObject({ smtp: { host: "smtp.gmail.com", port: 587, security: "starttls" }, alternative: { port: 465, security: "tls" } });
    expect(providerBySlug("yahoo")).toMatchObject({ smtp: { host: "smtp.mail.yahoo.com", port: 465, security: "tls" }, alternative: { port: 587, security: "starttls" } });
    expect(providerBySlug("outlook")?.smtp).toEqual({ host: "smtp-mail.outlook.com", port: 587, security: "starttls" });
    expect(providerBySlug("microsoft365")).toMatchObject({ domains: [], smtp: { host: "smtp.office365.com", port: 587, security: "starttls" } });
    expect(providerBySlug("icloud")?.smtp).toEqual({ host: "smtp.mail.me.com", port: 587, security: "starttls" });
    expect(providerBySlug("zoho")?.smtp).toEqual({ host: "smtp.zoho.com", port: 465, security: "tls" });
    expect(providerBySlug("fastmail")?.smtp).toEqual({ host: "smtp.fastmail.com", port: 465, security: "tls" });
    // Fastmail's own table lists only 465 with SSL/TLS.
    expect(providerBySlug("fastmail")?.alternative).toBeUndefined();
    const slugs = providers.map((provider) => provider.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const domains = providers.flatMap((provider) => provider.domains);
    expect(new Set(domains).size).toBe(domains.length);
  });

  it("offers Zoho's settings until a server of any Zoho data centre is typed, not only smtp.zoho.com", () => {
    const zohoHosts = ["smtp.zoho.com", "smtp.zoho.eu", "smtp.zoho.in", "smtp.zoho.com.au", "smtp.zoho.jp", "smtp.zoho.com.cn", "smtp.zoho.sa", "smtp.zohocloud.ca"];
    for (const host of zohoHosts) {
      expect(providerToOffer("owner@zoho.eu", host), host).toBeUndefined();
      expect(providerToOffer("owner@zoho.com", ` ${host.toUpperCase()}. `), host).toBeUndefined();
      expect(providerToOffer("owner@zohomail.com", host.replace(/^smtp\./, "smtppro.")), host).toBeUndefined();
    }
    for (const host of ["", "smtp.gmail.com", "smtp.zoho.evil.test", "zoho.eu"]) expect(providerToOffer("owner@zoho.eu", host)?.slug, host).toBe("zoho");
    expect(providerToOffer("owner@gmail.com", "smtp.zoho.eu")?.slug).toBe("gmail");
    expect(providerToOffer("owner@acme-supplies.es", "")).toBeUndefined();
    expect(providerToOffer("owner", "")).toBeUndefined();
  });

  it("offers the EU server to a zoho.eu address and the provider's preset to everyone else", () => {
    const zoho = providerBySlug("zoho")!;
    expect(presetFor(zoho, "owner@zoho.eu")).toEqual({ host: "smtp.zoho.eu", port: 465, security: "tls" });
    expect(presetFor(zoho, "owner@zohomail.com")).toEqual(zoho.smtp);
    expect(presetFor(zoho, "owner@constructor.com")).toEqual(zoho.smtp);
    expect(presetFor(providerBySlug("gmail")!, "owner@gmail.com")).toEqual({ host: "smtp.gmail.com", port: 587, security: "starttls" });
    for (const provider of providers) {
      for (const host of Object.values(provider.regionalHosts ?? {})) expect(provider.hosts, `${provider.slug}: ${host}`).toContain(host);
    }
  });
});

describe("sending rate", () => {
  it("defaults to the provider's published per-minute limit, a saved rate wins, unknown providers are unlimited", () => {
    expect(sendRatePerMinute("smtp.gmail.com", null)).toBe(20);
    expect(sendRatePerMinute("smtp.mail.yahoo.com", null)).toBe(20);
    expect(sendRatePerMinute("smtp.office365.com", null)).toBe(30);
    expect(sendRatePerMinute("smtp.gmail.com", 5)).toBe(5);
    expect(sendRatePerMinute("smtp.acme.es", null)).toBeNull();
    expect(sendRatePerMinute("smtp.acme.es", 12)).toBe(12);
  });
});
