import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./action-result";
import { contactSchema } from "./contact";
import { documentEmailSchema } from "./send-email";
import { singleLineText } from "./text";

describe("invisible formatting characters", () => {
  const invisible = ["\u202E", "\u202A", "\u2066", "\u2069", "\u200B", "\u200D", "\u200F", "\uFEFF"];

  it("a name with U+202E (right-to-left override) is refused with a field message", () => {
    const result = contactSchema.safeParse({ name: "Evil \u202Egnp.exe", emails: "a@acme.test" });
    expect(fieldErrorsOf(result.error!)).toEqual({ name: "validation.invisibleChars" });
  });

  it("every bidi override, isolate and zero-width character is refused in one-line fields", () => {
    const field = singleLineText({ max: 100, required: true });
    for (const ch of invisible) expect(field.safeParse(`INV${ch}0001`).success, ch.codePointAt(0)!.toString(16)).toBe(false);
    expect(field.safeParse("Núñez & Söhne — العربية").success).toBe(true);
  });

  it("a subject with a zero-width space is refused", () => {
    const result = documentEmailSchema.safeParse({
      documentId: 1,
      to: "a@acme.test",
      cc: "",
      subject: "Invoice\u200B 1",
      message: "Hi",
      idempotencyKey: crypto.randomUUID(),
    });
    expect(fieldErrorsOf(result.error!)).toEqual({ subject: "validation.invisibleChars" });
  });
});
