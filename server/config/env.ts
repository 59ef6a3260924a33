/**
 * Configuration, validated once. A missing or malformed variable stops the process with a
 * message that names it (see README for the table of variables).
 */
import path from "node:path";
import { z } from "zod";

const optionalNonEmpty = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/** A whole number ≥ 1, `fallback` when unset or empty. */
function positiveCount(fallback: number) {
  return optionalNonEmpty
    .pipe(z.coerce.number<string | undefined>().int("must be a whole number").min(1, "must be at least 1").max(1_000_000, "must be at most 1000000").optional())
    .transform((value) => value ?? fallback);
}

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().trim().min(1).default("./.data"),
  DATABASE_URL: optionalNonEmpty.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/i, "must be a postgres:// URL (leave it unset for the embedded database)")
      .optional(),
  ),
  SITE_URL: optionalNonEmpty.pipe(z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional()),
  AUTH_SECRET: optionalNonEmpty.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  EMAIL_SERVER: optionalNonEmpty.pipe(
    z.string().regex(/^smtps?:\/\/.+/i, "must be an smtp:// or smtps:// URL").optional(),
  ),
  EMAIL_FROM: optionalNonEmpty.pipe(z.string().min(3).optional()),
  GITHUB_ID: optionalNonEmpty,
  GITHUB_SECRET: optionalNonEmpty,
  GOOGLE_ID: optionalNonEmpty,
  GOOGLE_SECRET: optionalNonEmpty,
  ADMIN_EMAILS: optionalNonEmpty,
  // How many reverse proxies we run sit in front, whose X-Forwarded-For / -Proto are believed
  // (docs/configuration.md). "true"/"false" are the older spelling of 1/0.
  TRUST_PROXY: optionalNonEmpty
    .pipe(z.string().regex(/^(\d|10|true|false)$/, "must be the number of proxies in front, 0 to 10 (0: none)").optional())
    .transform((value) => (value === undefined || value === "false" ? 0 : value === "true" ? 1 : Number(value))),
  // Sign-in emails per client address per hour, and in total per hour (server/auth/email-quota.ts).
  SIGN_IN_EMAILS_PER_CLIENT_PER_HOUR: positiveCount(20),
  SIGN_IN_EMAILS_PER_HOUR: positiveCount(200),
  // "off" lifts the per-account rate limits, for load benchmarks on a local site only.
  RATE_LIMITS: z.enum(["on", "off"], "must be on or off").default("on"),
});

export type RawEnv = z.infer<typeof envSchema>;

/**
 * Every variable the app reads (the schema above, what start sets for next-auth, the build folder),
 * for the tools that start it with a configuration of their own: e2e tests, fault tests, the bench.
 */
export const appVariableNames: readonly string[] = [
  ...Object.keys(envSchema.shape),
  "DATABASE_POOL_SIZE",
  "NEXTAUTH_URL",
  "NEXTAUTH_SECRET",
  "NEXT_DIST_DIR",
];

/** A copy of `env` without the app's variables, so that a developer's shell cannot leak into a test. */
export function withoutAppVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy: Record<string, string | undefined> = { ...env };
  for (const name of appVariableNames) delete copy[name];
  // Next's types make NODE_ENV a required key of ProcessEnv; a child's environment may lack it.
  return copy as unknown as NodeJS.ProcessEnv;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): RawEnv {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  return result.data;
}

export function resolveDataDir(env: Pick<RawEnv, "DATA_DIR">): string {
  return path.resolve(env.DATA_DIR);
}
