import { describe, expect, it } from "vitest";
import { formatDocumentDate } from "./dates";

describe("formatDocumentDate", () => {
  it("writes 28 Nov 2026 in English and 28 nov 2026 in Spanish", () => {
    expect(formatDocumentDate("2026-11-28", "en")).toBe("28 Nov 2026");
    expect(formatDocumentDate("2026-11-28", "es")).toBe("28 nov 2026");
    expect(formatDocumentDate("2025-03-07", "en")).toBe("7 Mar 2025");
    expect(formatDocumentDate("2025-09-07", "es")).toBe("7 sept 2025");
  });

  it("keeps the calendar day whatever the server's time zone (read and shown in UTC)", () => {
    expect(formatDocumentDate("2026-01-01", "en")).toBe("1 Jan 2026");
    expect(formatDocumentDate("2024-02-29", "es")).toBe("29 feb 2024");
  });

  it("leaves anything that is not an ISO date as it is", () => {
    expect(formatDocumentDate("soon", "en")).toBe("soon");
  });
});
