import { describe, expect, it } from "vitest";
import { clientIp, isLoopback, parseTrustProxy, PEER_HEADER } from "./client-ip";

const request = (peer: string, forwarded?: string) => new Headers({ [PEER_HEADER]: peer, ...(forwarded ? { "x-forwarded-for": forwarded } : {}) });

describe("the client's address", () => {
  it("is the socket's address when TRUST_PROXY is unset, whatever X-Forwarded-For claims", () => {
    const none = parseTrustProxy(undefined);
    expect(clientIp(request("::ffff:127.0.0.2", "203.0.113.9"), none)).toBe("127.0.0.2");
    expect(clientIp(request("10.0.0.5", "198.51.100.1, 203.0.113.9"), none)).toBe("10.0.0.5");
  });

  it("with a hop count, is the address that many proxies back", () => {
    const oneHop = parseTrustProxy("1");
    expect(clientIp(request("10.0.0.1", "6.6.6.6, 198.51.100.7"), oneHop)).toBe("198.51.100.7");
    expect(clientIp(request("10.0.0.1"), oneHop)).toBe("10.0.0.1");
    expect(clientIp(request("10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2"), parseTrustProxy("2"))).toBe("198.51.100.7");
  });

  it("with a list of proxies, is the nearest address that is not one of them", () => {
    const proxies = parseTrustProxy("10.0.0.1, 10.0.0.2");
    expect(clientIp(request("10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2"), proxies)).toBe("198.51.100.7");
    // A request from outside the list does not get its header believed.
    expect(clientIp(request("198.51.100.8", "6.6.6.6"), proxies)).toBe("198.51.100.8");
  });

  it("is unknown without the server's peer header", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "127.0.0.1" }))).toBe("unknown");
  });

  it("recognises loopback", () => {
    expect(["127.0.0.1", "127.0.0.2", "::1"].every(isLoopback)).toBe(true);
    expect(["10.0.0.1", "unknown", "::ffff:10.0.0.1"].some(isLoopback)).toBe(false);
  });
});
