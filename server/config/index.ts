/**
 * The server's configuration (contract 5): parsed and checked once per process from the
 * environment. Every problem is collected and reported together, each naming its variable, so a
 * misconfigured server stops at start-up instead of failing on some later request.
 */
import { z } from "zod";
import { ConfigError, parseEnv, resolveDataDir, type RawEnv } from "./env.ts";
import { readOrCreateAuthSecret } from "./secrets.ts";
import type { SignInEmailLimits } from "@/server/auth/email-quota.ts";

export { ConfigError };

export interface ServerConfig {
  port: number;
  siteUrl: URL;
  isLocalSite: boolean;
  dataDir: string;
  databaseUrl: string | null;
  authSecret: string;
  email: { server: string; from: string } | null;
  github: { id: string; secret: string } | null;
  google: { id: string; secret: string } | null;
  adminEmails: string[];
  secureCookies: boolean;
  /** How many reverse proxies we run sit in front (TRUST_PROXY; 0: none): whose X-Forwarded-* to believe. */
  trustProxy: number;
  /** False only with RATE_LIMITS=off on a local site (load benchmarks). */
  rateLimitsEnabled: boolean;
  /** Sign-in emails per client address and in total, per hour (server/auth/email-quota.ts). */
  signInEmails: SignInEmailLimits;
}

const globalForConfig = globalThis as typeof globalThis & { __tuiquanServerConfig?: ServerConfig };

/** The configuration of this process, parsed on first use. Throws ConfigError when invalid. */
export function getServerConfig(): ServerConfig {
  globalForConfig.__tuiquanServerConfig ??= loadServerConfig(process.env);
  return globalForConfig.__tuiquanServerConfig;
}

/** Forget the parsed configuration (tests that change the environment). */
export function resetServerConfig(): void {
  globalForConfig.__tuiquanServerConfig = undefined;
}

/**
 * Parses a configuration from `source`. Side effect: for a localhost site without AUTH_SECRET,
 * creates $DATA_DIR/auth-secret (0600) on first use.
 */
export function loadServerConfig(source: Record<string, string | undefined>): ServerConfig {
  const env = parseEnv(source);
  const problems: string[] = [];

  const siteUrl = new URL(env.SITE_URL ?? `http://localhost:${env.PORT}`);
  if (siteUrl.pathname !== "/" || siteUrl.search || siteUrl.hash) {
    problems.push(`SITE_URL: must be the site's origin only, like https://example.org (got path "${siteUrl.pathname}${siteUrl.search}")`);
  }
  const isLocalSite = isLocalHostname(siteUrl.hostname);
  const dataDir = resolveDataDir(env);

  const email = pair(problems, "EMAIL_SERVER", env.EMAIL_SERVER, "EMAIL_FROM", env.EMAIL_FROM);
  const github = pair(problems, "GITHUB_ID", env.GITHUB_ID, "GITHUB_SECRET", env.GITHUB_SECRET);
  const google = pair(problems, "GOOGLE_ID", env.GOOGLE_ID, "GOOGLE_SECRET", env.GOOGLE_SECRET);

  if (!isLocalSite && !email && !github && !google) {
    problems.push(
      `EMAIL_SERVER: required for a public site (SITE_URL=${siteUrl.origin}): readers could not sign in. ` +
        "Set EMAIL_SERVER and EMAIL_FROM, or an OAuth provider (GITHUB_ID and GITHUB_SECRET, or GOOGLE_ID and GOOGLE_SECRET). " +
        "Without one, sign-in links are only shown on the local outbox, which only a localhost site has.",
    );
  }

  if (env.RATE_LIMITS === "off" && !isLocalSite) {
    problems.push(`RATE_LIMITS: "off" is only for load benchmarks on a local site (SITE_URL=${siteUrl.origin}).`);
  }

  if (!env.AUTH_SECRET && !isLocalSite) {
    problems.push(
      `AUTH_SECRET: required for a public site (SITE_URL=${siteUrl.origin}); generate one with \`openssl rand -base64 32\`. ` +
        "Only a localhost site generates its own.",
    );
  }

  const adminEmails = parseAdminEmails(problems, env.ADMIN_EMAILS);

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: env.PORT,
    siteUrl,
    isLocalSite,
    dataDir,
    databaseUrl: env.DATABASE_URL ?? null,
    authSecret: env.AUTH_SECRET ?? readOrCreateAuthSecret(dataDir),
    email: email && { server: email[0], from: email[1] },
    github: github && { id: github[0], secret: github[1] },
    google: google && { id: google[0], secret: google[1] },
    adminEmails,
    secureCookies: siteUrl.protocol === "https:",
    trustProxy: env.TRUST_PROXY,
    rateLimitsEnabled: env.RATE_LIMITS === "on",
    signInEmails: { perClientPerHour: env.SIGN_IN_EMAILS_PER_CLIENT_PER_HOUR, perHour: env.SIGN_IN_EMAILS_PER_HOUR },
  };
}

/** localhost, *.localhost, 127.0.0.0/8 and ::1: addresses only this machine can reach. */
export function isLocalHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Two variables that only make sense together: both or neither. */
function pair(
  problems: string[],
  firstName: string,
  first: string | undefined,
  secondName: string,
  second: string | undefined,
): [string, string] | null {
  if (first && second) return [first, second];
  if (first) problems.push(`${secondName}: required when ${firstName} is set`);
  if (second) problems.push(`${firstName}: required when ${secondName} is set`);
  return null;
}

const emailSchema = z.email();

function parseAdminEmails(problems: string[], value: RawEnv["ADMIN_EMAILS"]): string[] {
  if (!value) return [];
  const emails = value
    .split(/[,;\s]+/)
    .map((email) => email.trim().toLowerCase())
    .filter((email) => email !== "");
  for (const email of emails) {
    if (!emailSchema.safeParse(email).success) problems.push(`ADMIN_EMAILS: "${email}" is not an email address`);
  }
  return [...new Set(emails)];
}

