import { describe, expect, it } from "vitest";
import { setupAllowed, setupCode, setupCodeLogLine } from "./setup-code";

describe("the first-run setup code", () => {
  it("is not needed from loopback", () => {
    expect(setupAllowed("127.0.0.1", undefined)).toBe(true);
    expect(setupAllowed("::1", "")).toBe(true);
  });

  it("is required from any other address, and must be right", () => {
    const code = setupCode();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(setupAllowed("192.168.1.20", undefined)).toBe(false);
    expect(setupAllowed("192.168.1.20", "")).toBe(false);
    expect(setupAllowed("192.168.1.20", "AAAA-BBBB-CCCC")).toBe(false);
    expect(setupAllowed("unknown", "")).toBe(false);
    expect(setupAllowed("192.168.1.20", code)).toBe(true);
    expect(setupAllowed("192.168.1.20", ` ${code.toLowerCase()} `)).toBe(true);
  });

  it("stays the same for the life of the process and is what the log line prints", () => {
    expect(setupCode()).toBe(setupCode());
    expect(setupCodeLogLine()).toContain(setupCode());
  });
});
