import { describe, expect, it } from "vitest";
import { isCommonPassword } from "./common-passwords";
import { newPasswordSchema } from "@/lib/validation/auth";

describe("common passwords", () => {
  it("refuses the 10,000 most common passwords, whatever their case", () => {
    expect(isCommonPassword("password12")).toBe(true);
    expect(isCommonPassword("PASSWORD12")).toBe(true);
    expect(isCommonPassword("1234567890")).toBe(true);
    expect(isCommonPassword("owner-password-1")).toBe(false);
  });

  it("the shared schema refuses one character repeated, before any list is read", () => {
    expect(newPasswordSchema.safeParse("aaaaaaaaaaaa").error?.issues[0].message).toBe("validation.passwordRepeated");
    expect(newPasswordSchema.safeParse("            ").error?.issues[0].message).toBe("validation.passwordRepeated");
    expect(newPasswordSchema.safeParse("aaaaaaaaab").success).toBe(true);
  });
});
