/**
 * The rate limiter the app uses for a named limit (docs/rate-limits.md).
 *
 * On a PostgreSQL server (DATABASE_URL) several app servers may share the database, so hits are
 * counted there and every server sees them. On the embedded PGlite exactly one process serves the
 * site (server/db/data-dir-lock.ts), so memory is exact and costs no query.
 */
import { isPostgresUrl, type Db } from "@/server/db/client.ts";
import { createPostgresRateLimiter } from "./postgres-rate-limiter.ts";
import { createInMemoryRateLimiter, type RateLimit, type RefundableRateLimiter } from "./rate-limiter.ts";

export type RateLimiterStore = "postgres" | "memory" | "off";

/** Lets every action through: RATE_LIMITS=off, for load benchmarks on a local site. */
const unlimited: RefundableRateLimiter = { consume: async () => ({ allowed: true }), refund: async () => {} };

/**
 * Where this process keeps its counts. Read from the environment rather than getServerConfig():
 * the start-up check (server/config) already refused RATE_LIMITS=off for a public site, and
 * parsing the whole configuration here would create secrets in tests.
 */
export function rateLimiterStore(env: Record<string, string | undefined> = process.env): RateLimiterStore {
  if (env.RATE_LIMITS === "off") return "off";
  // The same test as the database factory's (databaseTargetFromEnv in server/db/index.ts).
  return isPostgresUrl(env.DATABASE_URL) ? "postgres" : "memory";
}

// Per database handle (tests open several) and name: one limiter, so memory counts are kept.
const limiters = new WeakMap<Db, Map<string, { limit: RateLimit; limiter: RefundableRateLimiter }>>();

/**
 * One limiter per database and name; `name` also namespaces its keys in the shared table, so one
 * name must always come with the same limit (two limits on one action need two names).
 */
export function appRateLimiter(db: Db, name: string, limit: RateLimit, store: RateLimiterStore = rateLimiterStore()): RefundableRateLimiter {
  if (store === "off") return unlimited;
  let byName = limiters.get(db);
  if (!byName) {
    byName = new Map();
    limiters.set(db, byName);
  }
  const cacheKey = `${store}:${name}`;
  const known = byName.get(cacheKey);
  if (known) {
    if (known.limit.max !== limit.max || known.limit.windowMs !== limit.windowMs) {
      throw new Error(`rate limit "${name}" is already defined with another limit`);
    }
    return known.limiter;
  }
  const limiter = store === "postgres" ? createPostgresRateLimiter(db, name, limit) : createInMemoryRateLimiter(limit);
  byName.set(cacheKey, { limit, limiter });
  return limiter;
}
