import { describe, expect, it } from "vitest";
import en from "../i18n/messages/en/diagnosis.json";
import es from "../i18n/messages/es/diagnosis.json";
import { FAILURE_CODES, STAGE_NAMES } from "./types";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe.each([
  { locale: "en", catalog: en },
  { locale: "es", catalog: es },
])("$locale diagnosis catalog", ({ catalog }) => {
  it("explains every failure code (next to its stages and troubleshooting keys) with a title and a fix, both one sentence", () => {
    const { stages: _stages, troubleshooting: _troubleshooting, ...codes } = catalog.diagnosis;
    const diagnosis: Record<string, { title: string; fix: string }> = codes;
    expect(Object.keys(diagnosis).sort()).toEqual([...FAILURE_CODES].sort());
    for (const code of FAILURE_CODES) {
      expect(diagnosis[code].title, code).toMatch(/^\S.*[.!]$/);
      expect(diagnosis[code].fix, code).toMatch(/^\S.*[.!]$/);
    }
  });

  it("names every stage and lists the four troubleshooting steps of the source page", () => {
    expect(Object.keys(catalog.diagnosis.stages).sort()).toEqual([...STAGE_NAMES].sort());
    expect(catalog.diagnosis.troubleshooting.items).toHaveLength(4);
    expect(catalog.diagnosis.troubleshooting.items[3]).toContain("Thunderbird");
  });
});

it("Spanish uses the same placeholders as English", () => {
  for (const code of FAILURE_CODES) {
    for (const part of ["title", "fix"] as const) {
      expect(placeholders(es.diagnosis[code][part]), `${code}.${part}`).toEqual(placeholders(en.diagnosis[code][part]));
    }
  }
});
