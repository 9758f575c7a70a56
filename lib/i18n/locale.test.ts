import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./locale";

describe("browser language", () => {
  it("picks the best supported language by quality", () => {
    expect(localeFromAcceptLanguage("es-ES,es;q=0.9,en;q=0.8")).toBe("es");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,es;q=0.5,en;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("de, es;q=0.1")).toBe("es");
  });

  it("gives nothing for unsupported or missing languages", () => {
    expect(localeFromAcceptLanguage("fr, de")).toBeUndefined();
    expect(localeFromAcceptLanguage("")).toBeUndefined();
    expect(localeFromAcceptLanguage("es;q=0")).toBeUndefined();
  });
});
