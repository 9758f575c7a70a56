import { describe, expect, it } from "vitest";
import { solidPng } from "@/test/fixtures/png";
import { fieldErrorsOf } from "./action-result";
import { MAX_LOGO_BYTES } from "@/lib/businesses/logo-format";
import { businessSchema } from "./business";

const valid = { name: "Panadería Muñoz", address: "Calle Mayor 1\n28013 Madrid", email: "", phone: "", taxId: "B12345678", currency: "EUR", defaultTaxRate: "21" };
const base64 = (bytes: Buffer) => bytes.toString("base64");
const errors = (input: unknown) => {
  const result = businessSchema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
};

describe("businessSchema", () => {
  it("keeps the currency, the tax ID and a default tax rate written with a comma", () => {
    expect(businessSchema.parse({ ...valid, defaultTaxRate: "10,5" })).toMatchObject({ currency: "EUR", taxId: "B12345678", defaultTaxRate: "10.5" });
  });

  it("allows no default tax rate, and refuses one outside 0–100", () => {
    expect(businessSchema.parse({ ...valid, defaultTaxRate: " " }).defaultTaxRate).toBe("");
    expect(errors({ ...valid, defaultTaxRate: "121" })).toEqual({ defaultTaxRate: "validation.taxRateRange" });
    expect(errors({ ...valid, defaultTaxRate: "abc" })).toEqual({ defaultTaxRate: "validation.decimal" });
  });

  it("refuses a currency that is not on the list", () => {
    expect(errors({ ...valid, currency: "XXX" })).toEqual({ currency: "validation.currency" });
    expect(errors({ ...valid, currency: "eur" })).toEqual({ currency: "validation.currency" });
  });

  it("takes a PNG or JPEG logo by its content", () => {
    const png = solidPng(4, 4, [1, 2, 3]);
    expect(businessSchema.parse({ ...valid, logo: base64(png) }).logo).toEqual({ contentType: "image/png", content: new Uint8Array(png) });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    expect(businessSchema.parse({ ...valid, logo: base64(jpeg) }).logo?.contentType).toBe("image/jpeg");
  });

  it("refuses a logo that is not an image whatever it claims to be, or is over 1 MB", () => {
    expect(errors({ ...valid, logo: base64(Buffer.from("%PDF-1.7 pretending to be logo.png")) })).toEqual({ logo: "validation.logoType" });
    expect(errors({ ...valid, logo: base64(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>")) })).toEqual({ logo: "validation.logoType" });
    expect(errors({ ...valid, logo: "not base64!" })).toEqual({ logo: "validation.logoType" });
    const big = Buffer.concat([solidPng(1, 1, [0, 0, 0]), Buffer.alloc(MAX_LOGO_BYTES)]);
    expect(errors({ ...valid, logo: base64(big) })).toEqual({ logo: "validation.logoTooLarge" });
    const justUnder = Buffer.concat([solidPng(1, 1, [0, 0, 0]), Buffer.alloc(MAX_LOGO_BYTES - 200)]);
    expect(businessSchema.parse({ ...valid, logo: base64(justUnder) }).logo?.content.length).toBe(justUnder.length);
  });
});
