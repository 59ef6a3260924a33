/**
 * The rate limiter the app uses for a named limit. PLACEHOLDER: in memory until the
 * PostgreSQL-backed limiter lands (shared by every app server on one PostgreSQL).
 */
import type { Db } from "@/server/db/client.ts";
import { createInMemoryRateLimiter, type RateLimit, type RateLimiter } from "./rate-limiter.ts";

const limiters = new Map<string, RateLimiter>();

/** One limiter per name and process; `name` also namespaces its keys in the shared store. */
export function appRateLimiter(_db: Db, name: string, limit: RateLimit): RateLimiter {
  let limiter = limiters.get(name);
  if (!limiter) {
    limiter = createInMemoryRateLimiter(limit);
    limiters.set(name, limiter);
  }
  return limiter;
}
