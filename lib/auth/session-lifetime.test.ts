import { describe, expect, it } from "vitest";
import { SESSION_ABSOLUTE_MS, sessionTokenExpired } from "./session-lifetime";

describe("session lifetime", () => {
  const signedInAt = Date.UTC(2026, 10, 1, 9, 0);

  it("keeps a token alive until 7 days after its sign-in, however often it is renewed", () => {
    expect(sessionTokenExpired({ signedInAt }, signedInAt + 60_000)).toBe(false);
    expect(sessionTokenExpired({ signedInAt }, signedInAt + SESSION_ABSOLUTE_MS - 1)).toBe(false);
    expect(sessionTokenExpired({ signedInAt }, signedInAt + SESSION_ABSOLUTE_MS + 1)).toBe(true);
    expect(sessionTokenExpired({ signedInAt }, signedInAt + 30 * SESSION_ABSOLUTE_MS)).toBe(true);
  });

  it("refuses tokens without a sign-in time, or with one in the future", () => {
    expect(sessionTokenExpired({}, signedInAt)).toBe(true);
    expect(sessionTokenExpired({ signedInAt: "soon" }, signedInAt)).toBe(true);
    expect(sessionTokenExpired({ signedInAt: signedInAt + 3_600_000 }, signedInAt)).toBe(true);
  });
});
