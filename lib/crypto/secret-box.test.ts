import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, seal, SecretBoxError } from "./secret-box";

const key = crypto.randomBytes(32);
const context = "email-settings:1:smtp-password";

describe("secret box", () => {
  it("round-trips a secret and never contains it in clear", () => {
    const sealed = seal("app password 123 ñ", key, context);
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain("app password");
    expect(open(sealed, key, context)).toBe("app password 123 ñ");
  });

  it("uses a fresh IV every time", () => {
    expect(seal("same", key, context)).not.toBe(seal("same", key, context));
  });

  it("refuses a wrong key", () => {
    const sealed = seal("secret", key, context);
    expect(() => open(sealed, crypto.randomBytes(32), context)).toThrow(SecretBoxError);
  });

  it("refuses tampered ciphertext, tag or IV", () => {
    const sealed = seal("secret", key, context);
    const parts = sealed.split(".");
    for (const i of [1, 2, 3]) {
      const bytes = Buffer.from(parts[i], "base64url");
      bytes[0] ^= 0x01;
      const tampered = [...parts];
      tampered[i] = bytes.toString("base64url");
      expect(() => open(tampered.join("."), key, context)).toThrow(SecretBoxError);
    }
  });

  it("refuses a value sealed for another context", () => {
    const sealed = seal("secret", key, context);
    expect(() => open(sealed, key, "email-settings:2:smtp-password")).toThrow(SecretBoxError);
  });

  it("refuses unknown versions and malformed input without echoing it", () => {
    const sealed = seal("secret", key, context);
    expect(() => open(sealed.replace(/^v1/, "v9"), key, context)).toThrow(SecretBoxError);
    expect(() => open("garbage", key, context)).toThrow(/could not be decrypted/);
  });
});
