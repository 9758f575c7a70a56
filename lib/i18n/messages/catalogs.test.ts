import { describe, expect, it } from "vitest";
import { catalogs } from "./index";

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/** Every string of a catalog with its dotted key (array items get their index). */
function strings(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

/** ICU arguments ({name}, {count, plural, …}) and rich-text tags (<strong>) a string uses. */
function placeholders(text: string): string[] {
  const args = [...text.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => `{${m[1]}}`);
  const tags = [...text.matchAll(/<(\w+)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...args, ...tags])].sort();
}

// The business writes to its customers in the default email templates, so usted stays there only.
const usted = /(?:^|[\s¿¡(«"])(usted|ustedes|Añada|Elija|Escriba|Use|Elimine|Introduzca|Seleccione|Haga|Pulse|Compruebe|Revise|Verifique|Asegúrese|Inténtelo|Vuelva|Pida|Cree|Guarde|Pruebe|Espere|Cambie|Copie|Pegue|Abra|Active|Marque|Consulte|Contacte|Indique|Su|Sus|suyo|suya)(?=[\s.,;:!?)»"…]|$)/;
const isEmailTemplate = (key: string) => key.startsWith("templates.defaults.");

describe("message catalogs", () => {
  it("English and Spanish have exactly the same keys", () => {
    const en = keys(catalogs.en).sort();
    const es = keys(catalogs.es).sort();
    expect(es.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !es.includes(k))).toEqual([]);
    expect(en.length).toBeGreaterThan(50);
  });

  it("English and Spanish use the same placeholders and tags in every string", () => {
    const es = new Map(strings(catalogs.es));
    const mismatches = strings(catalogs.en)
      .filter(([key, text]) => es.has(key) && placeholders(text).join() !== placeholders(es.get(key)!).join())
      .map(([key, text]) => `${key}: ${placeholders(text).join()} ≠ ${placeholders(es.get(key)!).join()}`);
    expect(mismatches).toEqual([]);
  });

  it("no Spanish string is left empty", () => {
    const empty = keys(catalogs.es).filter((k) => {
      const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], catalogs.es);
      return typeof v === "string" && v.trim() === "";
    });
    expect(empty).toEqual([]);
  });

  it("the Spanish interface says tú: usted only in the default email templates", () => {
    const ustedForms = strings(catalogs.es)
      .filter(([key, text]) => !isEmailTemplate(key) && usted.test(text))
      .map(([key, text]) => `${key}: ${usted.exec(text)![1]}`);
    expect(ustedForms).toEqual([]);
    // The check itself finds usted where it is allowed, so it cannot pass by matching nothing.
    expect(strings(catalogs.es).filter(([key, text]) => isEmailTemplate(key) && usted.test(text)).length).toBeGreaterThan(0);
  });
});
