import { describe, expect, it } from "vitest";
import { isBlockedAddress } from "./blocked-address";
import { resolvesToBlockedAddress } from "./destination-check";

describe("addresses the email settings may not reach", () => {
  it("refuses link-local and cloud metadata addresses", () => {
    for (const address of ["169.254.169.254", "169.254.0.1", "fe80::1", "FE80::abcd%eth0", "febf::1", "[fe80::1]", "fd00:ec2::254", "::ffff:169.254.169.254"]) {
      expect(isBlockedAddress(address), address).toBe(true);
    }
  });

  it("allows loopback, private office ranges and public servers", () => {
    for (const address of ["127.0.0.1", "::1", "10.0.0.25", "192.168.1.10", "172.16.0.5", "fd00::1", "fd00:ec2::253", "8.8.8.8", "2001:db8::1", "fec0::1", "smtp.example.test"]) {
      expect(isBlockedAddress(address), address).toBe(false);
    }
  });

  it("refuses a name that resolves to a metadata address", async () => {
    const fakeDns = async (host: string) => (host === "metadata.internal.test" ? [{ address: "10.0.0.1" }, { address: "169.254.169.254" }] : [{ address: "203.0.113.5" }]);
    expect(await resolvesToBlockedAddress("metadata.internal.test", fakeDns)).toBe(true);
    expect(await resolvesToBlockedAddress("smtp.example.test", fakeDns)).toBe(false);
    expect(await resolvesToBlockedAddress("169.254.169.254", fakeDns)).toBe(true);
    expect(await resolvesToBlockedAddress("localhost")).toBe(false);
  });
});
