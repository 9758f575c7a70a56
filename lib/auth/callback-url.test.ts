import { describe, expect, it } from "vitest";
import { callbackUrlsOf, isSafeCallbackUrl } from "./callback-url";

const site = "http://localhost:3000";

describe("sign-in callback URLs", () => {
  it("accepts paths and URLs on this site", () => {
    expect(isSafeCallbackUrl("/documents/sales-invoices", site)).toBe(true);
    expect(isSafeCallbackUrl("http://localhost:3000/customers?x=1", site)).toBe(true);
  });

  it("refuses script URLs, other sites and protocol-relative paths", () => {
    for (const bad of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "https://evil.test/", "//evil.test/x", "/\\evil.test", "data:text/html,x", ""]) {
      expect(isSafeCallbackUrl(bad, site), bad).toBe(false);
    }
  });

  it("finds the callbackUrl in the query string and in a form body", async () => {
    const request = new Request(`${site}/api/auth/signin?callbackUrl=%2Fa`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "csrfToken=x&callbackUrl=javascript%3Aalert(1)",
    });
    expect(await callbackUrlsOf(request)).toEqual(["/a", "javascript:alert(1)"]);
  });
});
