import { describe, expect, it } from "vitest";
import { addressListSchema, emailAddressSchema } from "./address-schemas";
import { isEmailAddress, parseAddressList } from "./addresses";

describe("isEmailAddress", () => {
  it.each([
    "owner@example.com",
    "first.last+invoices@mail.example.co.uk",
    "o'brien@example.ie",
    "x@xn--bcher-kva.example",
    "a_b-c@sub-domain.example.travel",
  ])("accepts %s", (address) => expect(isEmailAddress(address)).toBe(true));

  it.each([
    ["no at sign", "owner.example.com"],
    ["no TLD", "owner@localhost"],
    ["numeric TLD", "owner@10.0.0.1"],
    ["space", "ow ner@example.com"],
    ["display name", "Owner <owner@example.com>"],
    ["angle brackets", "<owner@example.com>"],
    ["quotes", '"owner"@example.com'],
    ["CR LF header injection", "a@b.com\r\nBcc: x@y.com"],
    ["bare LF", "a@b.com\nx@y.com"],
    ["NUL", "a@b.com\u0000"],
    ["tab", "a@b\t.com"],
    ["leading dot", ".owner@example.com"],
    ["double dot", "ow..ner@example.com"],
    ["domain label ending in hyphen", "owner@example-.com"],
    ["two at signs", "a@b@example.com"],
    ["Cyrillic look-alike 'а'", "owner@exаmple.com"],
    ["accented local part", "josé@example.es"],
    ["local part over 64", `${"a".repeat(65)}@example.com`],
    ["over 254 characters", `a@${Array.from({ length: 5 }, () => "b".repeat(60)).join(".")}.com`],
  ])("rejects %s", (_why, address) => expect(isEmailAddress(address)).toBe(false));
});

describe("parseAddressList", () => {
  it("splits on commas and semicolons, trims and drops blanks", () => {
    expect(parseAddressList(" a@x.com; b@y.com ,, c@z.org ;")).toEqual({ ok: true, addresses: ["a@x.com", "b@y.com", "c@z.org"] });
  });

  it("keeps each address once, ignoring case", () => {
    expect(parseAddressList("a@x.com, A@X.com, b@y.com")).toEqual({ ok: true, addresses: ["a@x.com", "b@y.com"] });
  });

  it("returns an empty list for blank input", () => {
    expect(parseAddressList("  ,; ")).toEqual({ ok: true, addresses: [] });
  });

  it("reports every invalid entry as typed", () => {
    expect(parseAddressList("a@x.com, nope, Bob <b@y.com>")).toEqual({ ok: false, invalid: ["nope", "Bob <b@y.com>"] });
  });

  it("rejects a header injection attempt instead of splitting it", () => {
    expect(parseAddressList("a@b.com\r\nBcc: x@y.com")).toEqual({ ok: false, invalid: ["a@b.com\r\nBcc: x@y.com"] });
    expect(parseAddressList("a@b.com\nbcc@y.com").ok).toBe(false);
  });
});

describe("addressListSchema", () => {
  it("outputs the normalized list joined with ', '", () => {
    expect(addressListSchema({ required: true }).parse("a@x.com;b@y.com ,")).toBe("a@x.com, b@y.com");
  });

  it("requires at least one address when required", () => {
    const result = addressListSchema({ required: true }).safeParse(" ; ");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("validation.required");
  });

  it("accepts an empty optional list as ''", () => {
    expect(addressListSchema({ required: false }).parse("")).toBe("");
  });

  it("explains invalid entries with a catalog key and lists them in params", () => {
    const result = addressListSchema({ required: false }).safeParse("a@x.com, a@b.com\r\nBcc: x@y.com");
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0];
    expect(issue.message).toBe("validation.addressList.invalid");
    expect(issue.code === "custom" && issue.params).toEqual({ invalid: ["a@b.com\r\nBcc: x@y.com"] });
  });

  it("caps the number of addresses", () => {
    const many = Array.from({ length: 51 }, (_, i) => `u${i}@example.com`).join(", ");
    expect(addressListSchema({ required: true }).safeParse(many).error?.issues[0].message).toBe("validation.addressList.tooMany");
  });

  it("rejects non-strings with a catalog key", () => {
    expect(addressListSchema({ required: true }).safeParse(undefined).error?.issues[0].message).toBe("validation.required");
  });
});

describe("emailAddressSchema", () => {
  it("trims and accepts one address", () => {
    expect(emailAddressSchema.parse("  owner@example.com ")).toBe("owner@example.com");
  });

  it("uses catalog keys for each failure", () => {
    expect(emailAddressSchema.safeParse("").error?.issues[0].message).toBe("validation.required");
    expect(emailAddressSchema.safeParse("a@x.com, b@y.com").error?.issues[0].message).toBe("validation.email");
    expect(emailAddressSchema.safeParse("a@b.com\r\nBcc: x@y.com").error?.issues[0].message).toBe("validation.email");
  });
});
