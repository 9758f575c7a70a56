import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./action-result";
import { contactSchema } from "./contact";

describe("contactSchema", () => {
  it("a customer with two addresses and a multi-line address is saved normalized", () => {
    expect(
      contactSchema.parse({ name: "  Núñez y Asociados SL ", emails: "ana@nunez.es; facturas@nunez.es", address: "Calle Mayor 1\r\n28013 Madrid\r\n", taxId: " B12345678 " }),
    ).toEqual({ name: "Núñez y Asociados SL", emails: "ana@nunez.es, facturas@nunez.es", address: "Calle Mayor 1\n28013 Madrid", taxId: "B12345678" });
  });

  it("the address and the tax ID are optional", () => {
    expect(contactSchema.parse({ name: "Acme", emails: "a@acme.com" })).toMatchObject({ address: "", taxId: "" });
  });

  it("requires a name and at least one email, and reports each field", () => {
    const result = contactSchema.safeParse({ name: "  ", emails: "", address: "" });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({ name: "validation.required", emails: "validation.required" });
  });

  it("rejects names with line breaks or control characters", () => {
    const result = contactSchema.safeParse({ name: "Acme\r\nBcc: x@y.com", emails: "a@acme.com" });
    expect(fieldErrorsOf(result.error!)).toEqual({ name: "validation.controlChars" });
    expect(contactSchema.safeParse({ name: "Acme\u0000", emails: "a@acme.com" }).success).toBe(false);
  });

  it("enforces lengths", () => {
    expect(fieldErrorsOf(contactSchema.safeParse({ name: "x".repeat(201), emails: "a@acme.com" }).error!)).toEqual({ name: "validation.tooLong" });
    expect(
      fieldErrorsOf(contactSchema.safeParse({ name: "Acme", emails: "a@acme.com", address: "x".repeat(1001) }).error!),
    ).toEqual({ address: "validation.tooLong" });
  });

  it("rejects an invalid address among valid ones", () => {
    const result = contactSchema.safeParse({ name: "Acme", emails: "a@acme.com, not-an-address" });
    expect(fieldErrorsOf(result.error!)).toEqual({ emails: "validation.addressList.invalid" });
  });
});
