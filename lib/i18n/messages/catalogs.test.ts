import { describe, expect, it } from "vitest";
import { catalogs } from "./index";

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

describe("message catalogs", () => {
  it("English and Spanish have exactly the same keys", () => {
    const en = keys(catalogs.en).sort();
    const es = keys(catalogs.es).sort();
    expect(es.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !es.includes(k))).toEqual([]);
    expect(en.length).toBeGreaterThan(50);
  });

  it("no Spanish string is left empty", () => {
    const empty = keys(catalogs.es).filter((k) => {
      const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], catalogs.es);
      return typeof v === "string" && v.trim() === "";
    });
    expect(empty).toEqual([]);
  });
});
