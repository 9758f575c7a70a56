import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { catalogs } from "@/lib/i18n/messages";
import { providers } from "@/lib/mail/providers";
import { locales } from "@/lib/i18n/locale";
import { allGuides, guideFor, guideSettingsPath, guideSteps, guideTextTags, registrationGuides, settingsFormPath, stepNumberFrom } from "./guides";

type Tree = Record<string, unknown>;

const guidesCatalog = (locale: (typeof locales)[number]) => (catalogs[locale] as { guides: Tree }).guides;
const providerTexts = (locale: (typeof locales)[number], slug: string) =>
  (guidesCatalog(locale).providers as Record<string, { intro: string; steps: Record<string, Tree> }>)[slug];

/** Every string under a catalog node, with its dotted key. */
function strings(node: unknown, prefix: string): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  if (node && typeof node === "object") return Object.entries(node).flatMap(([k, v]) => strings(v, `${prefix}.${k}`));
  return [];
}

const knownHosts = new Set(providers.flatMap((p) => p.hosts));

describe("provider guides", () => {
  it("every provider in the table has a guide, and every guide a provider", () => {
    expect(Object.keys(guideSteps).sort()).toEqual(providers.map((p) => p.slug).sort());
    expect(allGuides().map((g) => g.provider.slug)).toEqual(providers.map((p) => p.slug));
  });

  it("each guide shows the server table once (none where only signing in works) and ends with Use these settings", () => {
    for (const { provider, steps } of allGuides()) {
      expect(steps.filter((s) => s.kind === "settings"), provider.slug).toHaveLength(provider.signIn?.only ? 0 : 1);
      expect(steps.at(-1)?.kind, provider.slug).toBe("finish");
      expect(new Set(steps.map((s) => s.id)).size, provider.slug).toBe(steps.length);
    }
  });

  for (const locale of locales) {
    describe(`in ${locale}`, () => {
      it("has an intro and a title and body for every step, and no steps the guide does not show", () => {
        for (const { slug, steps } of [...allGuides(), ...registrationGuides]) {
          const texts = providerTexts(locale, slug);
          expect(texts, slug).toBeDefined();
          expect(texts.intro.trim()).not.toBe("");
          expect(Object.keys(texts.steps).sort(), slug).toEqual(steps.map((s) => s.id).sort());
          for (const step of steps) {
            expect(typeof texts.steps[step.id].title, `${slug}.${step.id}.title`).toBe("string");
            expect(typeof texts.steps[step.id].body, `${slug}.${step.id}.body`).toBe("string");
          }
        }
      });

      it("the registration wizards have a title, show the redirect URI once and end in Use these settings for their sign-in", () => {
        for (const guide of registrationGuides) {
          expect(typeof (providerTexts(locale, guide.slug) as unknown as { title: unknown }).title).toBe("string");
          expect(guide.steps.filter((s) => s.kind === "redirectUri")).toHaveLength(1);
          expect(guide.steps.at(-1)?.kind).toBe("finish");
        }
        expect(registrationGuides.map(guideSettingsPath)).toEqual(["/settings/email?protocol=microsoft", "/settings/email?protocol=google"]);
      });

      it("every guide text renders with only the known tags and values", () => {
        const t = createTranslator({
          locale,
          messages: catalogs[locale],
          namespace: "guides",
          onError: (error) => {
            throw error;
          },
        });
        const tags = Object.fromEntries(guideTextTags.map((tag) => [tag, (chunks: string) => `[${chunks}]`]));
        for (const { slug } of [...allGuides(), ...registrationGuides]) {
          for (const [key] of strings(providerTexts(locale, slug), `providers.${slug}`)) {
            const rendered = t.markup(key as never, { appName: "Mailroom", ...tags } as never);
            expect(rendered, key).not.toMatch(/[<>{}]/);
          }
        }
      });

      it("names only real SMTP hosts, and only ports the provider really uses", () => {
        for (const { provider } of allGuides()) {
          const ports = new Set([provider.smtp.port, provider.alternative?.port].filter(Boolean).map(String));
          for (const [key, text] of strings(providerTexts(locale, provider.slug), provider.slug)) {
            for (const host of text.match(/\bsmtp[a-z0-9.-]*\.[a-z]{2,}\b/gi) ?? []) {
              expect(knownHosts.has(host.toLowerCase()), `${key} names ${host}`).toBe(true);
            }
            for (const port of text.match(/(?<![\d.])(25|465|587|2525)(?![\d.])/g) ?? []) {
              expect(ports.has(port), `${key} names port ${port}`).toBe(true);
            }
          }
        }
      });
    });
  }

  it("the Yahoo guide follows today's screens: External connections → Create app password → a name → Generate password", () => {
    expect(guideSteps.yahoo.map((s) => s.id)).toEqual(["openSecurity", "createAppPassword", "copyPassword", "server", "testSave"]);
    const screens = {
      en: ["<strong>External connections</strong>", "<strong>Create app password</strong>", "<strong>{appName}</strong>", "<strong>Generate password</strong>"],
      es: ["<strong>Conexiones externas</strong>", "<strong>Crear contraseña de aplicación</strong>", "<strong>{appName}</strong>", "<strong>Generar contraseña</strong>"],
    };
    for (const locale of locales) {
      const body = providerTexts(locale, "yahoo").steps.createAppPassword.body as string;
      const positions = screens[locale].map((label) => body.indexOf(label));
      expect(positions, locale).not.toContain(-1);
      expect(positions, `${locale}: in the order Yahoo shows them`).toEqual([...positions].sort((a, b) => a - b));
      // The "Other app" list is gone from Yahoo, so no text may send the user looking for it.
      const all = strings(providerTexts(locale, "yahoo"), "yahoo").map(([, s]) => s).join("\n");
      expect(all, locale).not.toMatch(/Other app|Otra app/);
    }
    expect(providerTexts("en", "yahoo").steps.openSecurity.note).toMatch(/signed in to Yahoo for a few days.*not a private window/);
    expect(providerTexts("es", "yahoo").steps.openSecurity.note).toMatch(/desde hace unos días.*no una ventana privada/);
    expect((catalogs.en as { common: { appName: string } }).common.appName).toBe("Mailroom");
  });

  it("Gmail in Spanish says “Verificación en dos pasos”, as Google's Spanish screens do, on the path to App passwords", () => {
    const es = strings(providerTexts("es", "gmail"), "gmail").map(([, s]) => s).join("\n");
    expect(es).not.toMatch(/2 pasos/);
    expect(providerTexts("es", "gmail").steps.appPassword.body).toContain("Seguridad → Verificación en dos pasos → Contraseñas de aplicación");
    expect(providerTexts("es", "gmail").steps.appPassword.body).toContain("myaccount.google.com/apppasswords");
    expect(providerTexts("en", "gmail").steps.appPassword.body).toContain("Security → 2-Step Verification → App passwords");
  });

  it("the Zoho guide lists every data centre's server and says smtppro is for paid organisation plans", () => {
    const zoho = guideFor("zoho")!.provider!;
    for (const locale of locales) {
      const server = providerTexts(locale, "zoho").steps.server;
      const listed = Object.values(server.items as Record<string, string>).map((item) => item.split(": ").at(-1));
      expect(listed, locale).toEqual(zoho.hosts.filter((host) => host.startsWith("smtp.")));
      expect(server.note, locale).toMatch(locale === "en" ? /smtppro.*paid organisation plans/ : /smtppro.*planes de pago de organizaciones/);
    }
  });

  it("the Fastmail guide says in its first step that the Basic plan cannot send through SMTP", () => {
    const first = guideSteps.fastmail[0].id;
    expect(providerTexts("en", "fastmail").steps[first].note).toMatch(/Basic plan has no SMTP access and cannot create app passwords/);
    expect(providerTexts("es", "fastmail").steps[first].note).toMatch(/plan Basic de Fastmail no tiene acceso SMTP ni permite crear contraseñas de aplicación/);
  });

  it("every Spanish guide's last step names the Email button in bold, as English does", () => {
    for (const { provider } of allGuides()) {
      expect(providerTexts("en", provider.slug).steps.testSave.body, provider.slug).toContain("<strong>Email</strong> button");
      expect(providerTexts("es", provider.slug).steps.testSave.body, provider.slug).toContain("botón <strong>Enviar por correo</strong>");
    }
    const button = (locale: (typeof locales)[number]) => (catalogs[locale] as { documentEmail: { button: string } }).documentEmail.button;
    expect([button("en"), button("es")]).toEqual(["Email", "Enviar por correo"]);
  });

  it("the iCloud sender warning accepts @icloud.com, @me.com, @mac.com and iCloud+ custom domains", () => {
    for (const locale of locales) {
      const warning = providerTexts(locale, "icloud").steps.server.warning as string;
      for (const needle of ["@icloud.com", "@me.com", "@mac.com", "iCloud+"]) expect(warning, `${locale}: ${needle}`).toContain(needle);
    }
  });

  it("the Microsoft 365 guide states the SMTP AUTH change and the replies that mean it is off", () => {
    for (const locale of locales) {
      const text = strings(providerTexts(locale, "microsoft365"), "").map(([, s]) => s).join("\n");
      for (const needle of ["2026", "2027", "5.7.139", "5.7.30", "5.7.3 Authentication unsuccessful", "Set-CASMailbox -Identity user@domain -SmtpClientAuthenticationDisabled $false"]) {
        expect(text, `${locale}: ${needle}`).toContain(needle);
      }
    }
  });

  it("the Outlook.com guide signs in with Microsoft and has no app-password step", () => {
    const outlook = guideFor("outlook")!;
    expect(outlook.steps.map((s) => s.id)).not.toContain("appPassword");
    expect(outlook.steps.some((s) => s.kind === "settings")).toBe(false);
    for (const locale of locales) {
      const steps = providerTexts(locale, "outlook").steps as Record<string, { title: string; body: string }>;
      for (const [id, step] of Object.entries(steps)) expect(step.title, `${locale} ${id}`).not.toMatch(/app password|contraseña de aplicación/i);
      expect(strings(steps, "").map(([, s]) => s).join("\n")).toContain("535 5.7.139");
    }
    expect(guideSettingsPath(outlook)).toBe("/settings/email?provider=outlook");
  });

  it("Microsoft 365 recommends signing in first; Gmail offers it next to app passwords", () => {
    expect(guideFor("microsoft365")!.steps[0].id).toBe("signInRecommended");
    for (const locale of locales) {
      expect(providerTexts(locale, "microsoft365").steps.signInRecommended.body).toContain("<wizard>");
      expect(providerTexts(locale, "gmail").steps.usePassword.note).toContain("<wizard>");
    }
  });

  it("reads step numbers from the URL strictly", () => {
    expect(stepNumberFrom("1", 5)).toBe(1);
    expect(stepNumberFrom("5", 5)).toBe(5);
    for (const bad of ["0", "6", "01", "-1", "1.0", "two", "", " 2", "1e1"]) expect(stepNumberFrom(bad, 5), bad).toBeUndefined();
  });

  it("finds guides by slug only and points Use these settings at the form", () => {
    expect(guideFor("gmail")?.provider?.smtp.host).toBe("smtp.gmail.com");
    expect(guideFor("microsoft-entra")?.registers).toBe("microsoft");
    expect(guideFor("GMAIL")).toBeUndefined();
    expect(guideFor("constructor")).toBeUndefined();
    expect(settingsFormPath("yahoo")).toBe("/settings/email?provider=yahoo");
  });
});
