import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "./env.ts";
import { isLocalHostname, loadServerConfig } from "./index.ts";

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "tuiquan-config-"));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const secret = "x".repeat(40);

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadServerConfig({ DATA_DIR: dataDir, ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("loadServerConfig", () => {
  it("defaults to a localhost site on port 3000 with the embedded database", () => {
    const config = loadServerConfig({ DATA_DIR: dataDir });
    expect(config.port).toBe(3000);
    expect(config.siteUrl.href).toBe("http://localhost:3000/");
    expect(config.isLocalSite).toBe(true);
    expect(config.dataDir).toBe(dataDir);
    expect(config.databaseUrl).toBeNull();
    expect(config.email).toBeNull();
    expect(config.github).toBeNull();
    expect(config.google).toBeNull();
    expect(config.adminEmails).toEqual([]);
    expect(config.secureCookies).toBe(false);
  });

  it("takes SITE_URL's port from PORT when SITE_URL is unset", () => {
    expect(loadServerConfig({ DATA_DIR: dataDir, PORT: "3512" }).siteUrl.origin).toBe("http://localhost:3512");
  });

  it("generates AUTH_SECRET for a localhost site into a 0600 file and keeps it across starts", () => {
    const first = loadServerConfig({ DATA_DIR: dataDir });
    const file = path.join(dataDir, "auth-secret");
    expect(first.authSecret.length).toBeGreaterThanOrEqual(43);
    expect(readFileSync(file, "utf8").trim()).toBe(first.authSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadServerConfig({ DATA_DIR: dataDir }).authSecret).toBe(first.authSecret);
  });

  it("uses AUTH_SECRET when set and writes no file", () => {
    expect(loadServerConfig({ DATA_DIR: dataDir, AUTH_SECRET: secret }).authSecret).toBe(secret);
    expect(() => statSync(path.join(dataDir, "auth-secret"))).toThrow();
  });

  it("requires AUTH_SECRET for a public site", () => {
    const problems = problemsOf({ SITE_URL: "https://tuiquan.example", EMAIL_SERVER: "smtp://mail:25", EMAIL_FROM: "a@b.c" });
    expect(problems).toEqual([expect.stringMatching(/^AUTH_SECRET: required for a public site/)]);
  });

  it("rejects an AUTH_SECRET that is too short, naming it", () => {
    expect(problemsOf({ AUTH_SECRET: "short" })).toEqual([expect.stringMatching(/^AUTH_SECRET: .*32/)]);
  });

  it("refuses a public site without a way to sign in, and says why", () => {
    const problems = problemsOf({ SITE_URL: "https://tuiquan.example", AUTH_SECRET: secret });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^EMAIL_SERVER: required for a public site/);
    expect(problems[0]).toMatch(/GITHUB_ID and GITHUB_SECRET/);
    expect(problems[0]).toMatch(/GOOGLE_ID and GOOGLE_SECRET/);
  });

  it.each([
    [{ EMAIL_SERVER: "smtps://u:p@mail.example:465", EMAIL_FROM: "Tuiquan <no-reply@tuiquan.example>" }],
    [{ GITHUB_ID: "gh", GITHUB_SECRET: "ghs" }],
    [{ GOOGLE_ID: "go", GOOGLE_SECRET: "gos" }],
  ])("accepts a public site with a sign-in method %o", (signIn) => {
    const config = loadServerConfig({ DATA_DIR: dataDir, SITE_URL: "https://tuiquan.example", AUTH_SECRET: secret, ...signIn });
    expect(config.isLocalSite).toBe(false);
    expect(config.secureCookies).toBe(true);
    expect(config.authSecret).toBe(secret);
  });

  it("needs EMAIL_FROM with EMAIL_SERVER and the other way round", () => {
    expect(problemsOf({ EMAIL_SERVER: "smtp://localhost:2525" })).toEqual(["EMAIL_FROM: required when EMAIL_SERVER is set"]);
    expect(problemsOf({ EMAIL_FROM: "a@b.c" })).toEqual(["EMAIL_SERVER: required when EMAIL_FROM is set"]);
    expect(loadServerConfig({ DATA_DIR: dataDir, EMAIL_SERVER: "smtp://localhost:2525", EMAIL_FROM: "a@b.c" }).email).toEqual({
      server: "smtp://localhost:2525",
      from: "a@b.c",
    });
  });

  it("needs both halves of an OAuth provider", () => {
    expect(problemsOf({ GITHUB_ID: "gh" })).toEqual(["GITHUB_SECRET: required when GITHUB_ID is set"]);
    expect(problemsOf({ GOOGLE_SECRET: "x" })).toEqual(["GOOGLE_ID: required when GOOGLE_SECRET is set"]);
  });

  it.each([
    ["PORT", { PORT: "http" }],
    ["PORT", { PORT: "70000" }],
    ["SITE_URL", { SITE_URL: "not a url" }],
    ["SITE_URL", { SITE_URL: "ftp://example.org" }],
    ["SITE_URL", { SITE_URL: "http://localhost:3000/tuiquan" }],
    ["DATABASE_URL", { DATABASE_URL: "mysql://db/x" }],
    ["EMAIL_SERVER", { EMAIL_SERVER: "mail.example.org", EMAIL_FROM: "a@b.c" }],
    ["ADMIN_EMAILS", { ADMIN_EMAILS: "admin@example.org, not-an-email" }],
    ["TRUST_PROXY", { TRUST_PROXY: "yes" }],
    ["RATE_LIMITS", { RATE_LIMITS: "maybe" }],
    ["RATE_LIMITS", { RATE_LIMITS: "off", SITE_URL: "https://tuiquan.example", AUTH_SECRET: "x".repeat(32), GITHUB_ID: "a", GITHUB_SECRET: "b" }],
  ])("names %s when it is malformed", (name, env) => {
    const problems = problemsOf(env);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.startsWith(`${name}:`))).toBe(true);
  });

  it("reports every problem at once", () => {
    const problems = problemsOf({ SITE_URL: "https://tuiquan.example", GITHUB_ID: "gh" });
    expect(problems.map((problem) => problem.split(":")[0]).sort()).toEqual(["AUTH_SECRET", "EMAIL_SERVER", "GITHUB_SECRET"]);
  });

  it("lists admin emails lower-cased and without duplicates", () => {
    const config = loadServerConfig({ DATA_DIR: dataDir, ADMIN_EMAILS: "Admin@Example.org, mod@example.org admin@example.org" });
    expect(config.adminEmails).toEqual(["admin@example.org", "mod@example.org"]);
  });

  it("switches to PostgreSQL with a postgres:// DATABASE_URL", () => {
    const url = "postgres://u:p@127.0.0.1:5432/tuiquan";
    expect(loadServerConfig({ DATA_DIR: dataDir, DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  it("reads TRUST_PROXY as the number of proxies in front, 0 unless set, 1 for the older `true`", () => {
    expect(loadServerConfig({ DATA_DIR: dataDir }).trustProxy).toBe(0);
    expect(loadServerConfig({ DATA_DIR: dataDir, TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadServerConfig({ DATA_DIR: dataDir, TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadServerConfig({ DATA_DIR: dataDir, TRUST_PROXY: "true" }).trustProxy).toBe(1);
    expect(loadServerConfig({ DATA_DIR: dataDir, TRUST_PROXY: "false" }).trustProxy).toBe(0);
    expect(problemsOf({ TRUST_PROXY: "yes" })).toEqual([expect.stringMatching(/^TRUST_PROXY: must be the number of proxies in front/)]);
    expect(problemsOf({ TRUST_PROXY: "-1" })).toHaveLength(1);
  });

  it("limits sign-in emails per client and per site, 20 and 200 an hour unless configured", () => {
    expect(loadServerConfig({ DATA_DIR: dataDir }).signInEmails).toEqual({ perClientPerHour: 20, perHour: 200 });
    expect(
      loadServerConfig({ DATA_DIR: dataDir, SIGN_IN_EMAILS_PER_CLIENT_PER_HOUR: "5", SIGN_IN_EMAILS_PER_HOUR: "" }).signInEmails,
    ).toEqual({ perClientPerHour: 5, perHour: 200 });
    expect(problemsOf({ SIGN_IN_EMAILS_PER_CLIENT_PER_HOUR: "0", SIGN_IN_EMAILS_PER_HOUR: "lots" })).toEqual([
      expect.stringMatching(/^SIGN_IN_EMAILS_PER_CLIENT_PER_HOUR: must be at least 1/),
      expect.stringMatching(/^SIGN_IN_EMAILS_PER_HOUR: /),
    ]);
  });

  it("keeps rate limits on unless RATE_LIMITS=off on a local site", () => {
    expect(loadServerConfig({ DATA_DIR: dataDir }).rateLimitsEnabled).toBe(true);
    expect(loadServerConfig({ DATA_DIR: dataDir, RATE_LIMITS: "off" }).rateLimitsEnabled).toBe(false);
  });

  it("refuses an empty auth-secret file rather than running with no secret", () => {
    writeFileSync(path.join(dataDir, "auth-secret"), "");
    expect(() => loadServerConfig({ DATA_DIR: dataDir })).toThrow(/auth-secret exists but is empty/);
  });
});

describe("isLocalHostname", () => {
  it.each(["localhost", "app.localhost", "127.0.0.1", "127.1.2.3", "[::1]", "LOCALHOST"])("%s is local", (host) => {
    expect(isLocalHostname(host)).toBe(true);
  });
  it.each(["example.org", "localhost.example.org", "10.0.0.1", "128.0.0.1", "0.0.0.0"])("%s is not local", (host) => {
    expect(isLocalHostname(host)).toBe(false);
  });
});
