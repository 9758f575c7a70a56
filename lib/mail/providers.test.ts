import { describe, expect, it } from "vitest";
import { detectProviderFromAddress, providerBySlug, providerForHost, providers } from "./providers";

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
    const slugs = providers.map((provider) => provider.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const domains = providers.flatMap((provider) => provider.domains);
    expect(new Set(domains).size).toBe(domains.length);
  });
});
