import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isHttpsRequest } from "./security-headers.ts";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name!, values];
  }));
}

describe("contentSecurityPolicy", () => {
  it("allows no inline script and no eval in production, only the hashed scripts", () => {
    const policy = directives(contentSecurityPolicy({ dev: false }, ["'sha256-abc='"]));
    expect(policy.get("script-src")).toEqual(["'self'", "'sha256-abc='"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("adds eval and WebSockets for next dev only", () => {
    const policy = directives(contentSecurityPolicy({ dev: true }));
    expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-eval'"]);
    expect(policy.get("connect-src")).toEqual(["'self'", "ws:", "wss:"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("lets sign-in forms reach the configured OAuth providers", () => {
    const policy = directives(contentSecurityPolicy({ dev: false, formActions: ["https://github.com"] }));
    expect(policy.get("form-action")).toEqual(["'self'", "https://github.com"]);
  });
});

describe("isHttpsRequest", () => {
  const request = (encrypted: boolean, headers: Record<string, string> = {}) => ({ socket: { encrypted }, headers }) as unknown as IncomingMessage;

  it("is true on a TLS socket", () => {
    expect(isHttpsRequest(request(true), 0)).toBe(true);
  });
  it("ignores X-Forwarded-Proto unless the proxy is trusted", () => {
    expect(isHttpsRequest(request(false, { "x-forwarded-proto": "https" }), 0)).toBe(false);
    expect(isHttpsRequest(request(false, { "x-forwarded-proto": "https" }), 1)).toBe(true);
    expect(isHttpsRequest(request(false, { "x-forwarded-proto": "http, https" }), 1)).toBe(false);
    expect(isHttpsRequest(request(false), 1)).toBe(false);
  });
});
