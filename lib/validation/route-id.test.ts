import { describe, expect, it } from "vitest";
import { parseRouteId } from "./route-id";

describe("parseRouteId", () => {
  it("reads plain positive integers", () => {
    expect(parseRouteId("1")).toBe(1);
    expect(parseRouteId("9007199254740991")).toBe(9007199254740991);
  });

  it.each(["0", "-1", "01", "1.5", "1e3", " 1", "abc", "", "9007199254740993"])("refuses %j", (value) => {
    expect(parseRouteId(value)).toBeNull();
  });
});
