import { describe, expect, it } from "vitest";
import { solidPng } from "@/test/fixtures/png";
import { isPrintableLogo } from "./logo";

describe("isPrintableLogo", () => {
  it("accepts a PNG the PDF renderer can draw", () => {
    expect(isPrintableLogo(solidPng(8, 8, [0, 0, 0]))).toBe(true);
  });

  it("refuses a PNG whose pixel data is damaged, and a JPEG signature with nothing behind it", () => {
    expect(isPrintableLogo(solidPng(8, 8, [0, 0, 0], { idat: Buffer.from("not zlib at all") }))).toBe(false);
    expect(isPrintableLogo(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe(false);
  });
});
