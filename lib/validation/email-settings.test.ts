import { describe, expect, it } from "vitest";
import { blankEmailSettings, emailSettingsSchema } from "./email-settings";
import { canReuseSavedPassword, type SavedPasswordOwner } from "./email-settings-rules";

const saved: SavedPasswordOwner = { host: "smtp.example.test", port: 587, security: "starttls", skipTlsVerify: false, username: "me@example.test" };
const form = { ...blankEmailSettings, smtpHost: "smtp.example.test", smtpPort: 587, smtpSecurity: "starttls" as const, smtpUsername: "me@example.test" };

describe("reusing the saved SMTP password", () => {
  it("is allowed only for the destination it was saved with", () => {
    expect(canReuseSavedPassword(saved, form)).toBe(true);
    expect(canReuseSavedPassword(saved, { ...form, smtpHost: "SMTP.example.test " })).toBe(true);
    expect(canReuseSavedPassword(saved, { ...form, smtpHost: "smtp.evil.test" })).toBe(false);
    expect(canReuseSavedPassword(saved, { ...form, smtpPort: 465 })).toBe(false);
    expect(canReuseSavedPassword(saved, { ...form, smtpSecurity: "none" })).toBe(false);
    expect(canReuseSavedPassword(saved, { ...form, skipTlsVerify: true })).toBe(false);
    expect(canReuseSavedPassword(saved, { ...form, smtpUsername: "other@example.test" })).toBe(false);
    expect(canReuseSavedPassword(null, form)).toBe(false);
  });

  it("a blank password with a changed port, security or TLS check is a field error asking for it", () => {
    const schema = emailSettingsSchema({ savedPassword: saved });
    expect(schema.safeParse(form).success).toBe(true);
    for (const change of [{ smtpPort: 2525 }, { smtpSecurity: "none" as const }, { skipTlsVerify: true }]) {
      const result = schema.safeParse({ ...form, ...change });
      expect(result.success).toBe(false);
      expect(result.error?.issues.find((i) => i.path[0] === "smtpPassword")?.message).toBe("emailSettings.errors.passwordForNewServer");
    }
  });
});
