import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { isLocalRequest, isLoopbackAddress, remoteAddressHeader, stampRemoteAddress } from "./local-request.ts";

const localSite = { isLocalSite: true };

function headers(values: Record<string, string>): Headers {
  return new Headers({ host: "localhost:3000", ...values });
}

describe("isLocalRequest (who may open /dev/outbox)", () => {
  it("accepts a request whose socket is loopback and whose Host names this machine", () => {
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.8.9.10"]) {
      expect(isLocalRequest(headers({ [remoteAddressHeader]: address }), localSite)).toBe(true);
    }
    for (const host of ["127.0.0.1:3000", "[::1]:3000", "localhost", "app.localhost:3000"]) {
      expect(isLocalRequest(headers({ host, [remoteAddressHeader]: "127.0.0.1" }), localSite)).toBe(true);
    }
    // Next.js fills X-Forwarded-For with the socket address when the client sent none.
    expect(isLocalRequest(headers({ [remoteAddressHeader]: "::1", "x-forwarded-for": "::1" }), localSite)).toBe(true);
  });

  it("is not fooled by forwarding headers from a remote client", () => {
    const remote = { [remoteAddressHeader]: "203.0.113.7" };
    expect(isLocalRequest(headers({ ...remote, "x-forwarded-for": "127.0.0.1" }), localSite)).toBe(false);
    expect(isLocalRequest(headers({ ...remote, "x-real-ip": "127.0.0.1", forwarded: "for=127.0.0.1" }), localSite)).toBe(false);
    expect(isLocalRequest(headers({ ...remote, host: "localhost" }), localSite)).toBe(false);
  });

  it("refuses a request without the server's stamp, whatever else it says", () => {
    expect(isLocalRequest(headers({ "x-forwarded-for": "127.0.0.1" }), localSite)).toBe(false);
    expect(isLocalRequest(headers({ [remoteAddressHeader]: "" }), localSite)).toBe(false);
  });

  it("refuses a remote reader forwarded by a proxy on this machine", () => {
    const viaProxy = { [remoteAddressHeader]: "127.0.0.1" };
    expect(isLocalRequest(headers({ ...viaProxy, "x-forwarded-for": "198.51.100.4, 127.0.0.1" }), localSite)).toBe(false);
    expect(isLocalRequest(headers({ ...viaProxy, forwarded: 'for="[2001:db8::1]:4711"' }), localSite)).toBe(false);
    expect(isLocalRequest(headers({ ...viaProxy, "x-real-ip": "198.51.100.4" }), localSite)).toBe(false);
  });

  it("refuses a Host that is not this machine (DNS rebinding)", () => {
    for (const host of ["evil.example", "localhost.evil.example", "192.168.1.5:3000", ""]) {
      expect(isLocalRequest(headers({ host, [remoteAddressHeader]: "127.0.0.1" }), localSite)).toBe(false);
    }
  });

  it("is never true on a public site", () => {
    expect(isLocalRequest(headers({ [remoteAddressHeader]: "127.0.0.1" }), { isLocalSite: false })).toBe(false);
  });

  it("stamps the socket address over any header the client sent", () => {
    const req = { headers: { [remoteAddressHeader]: "127.0.0.1" }, socket: { remoteAddress: "203.0.113.7" } };
    stampRemoteAddress(req as unknown as IncomingMessage);
    expect(req.headers[remoteAddressHeader]).toBe("203.0.113.7");
  });

  it("knows loopback addresses", () => {
    expect(isLoopbackAddress("127.0.0.1")).toBe(true);
    expect(isLoopbackAddress("[::1]")).toBe(true);
    expect(isLoopbackAddress("128.0.0.1")).toBe(false);
    expect(isLoopbackAddress("::ffff:10.0.0.1")).toBe(false);
    expect(isLoopbackAddress("127.0.0.1.evil")).toBe(false);
    expect(isLoopbackAddress(null)).toBe(false);
  });
});
