/**
 * A rate limiter shared by every app server on one PostgreSQL, counted in the RateLimitHit table.
 *
 * Each consume() is one short transaction: take a transaction-scoped advisory lock on the key, count
 * the key's hits in the sliding window, and insert a hit only when under the limit. The lock makes
 * "count, then insert" atomic across connections and processes (two servers cannot both take the
 * last slot); it is released at commit, after the new hit is visible to the next holder. The same
 * SQL runs on PGlite, which is how the tests exercise it.
 */
import type { Db } from "@/server/db/client.ts";
import type { RateDecision, RateLimit, RateLimiter } from "./rate-limiter.ts";

/** Hits that left the window are deleted at most this often per limiter and process. */
export const pruneEveryMs = 60_000;

/**
 * A burst of requests for one key queues on its lock, each waiting for a pooled connection (on
 * PGlite, for the one connection): allow more than Prisma's default 2 s before giving up.
 */
const transactionOptions = { maxWait: 10_000, timeout: 10_000 } as const;

/** A class id for pg_advisory_xact_lock(int, int), so these locks never meet the app's other advisory locks. */
const lockClass = "RateLimitHit";

/** `name` namespaces the keys in the shared table ("<name>:<key>"). */
export function createPostgresRateLimiter(db: Db, name: string, limit: RateLimit): RateLimiter {
  const prefix = `${name}:`;
  let lastPrunedAt = Number.NEGATIVE_INFINITY;

  async function prune(now: number): Promise<void> {
    if (now - lastPrunedAt < pruneEveryMs) return;
    lastPrunedAt = now;
    // Only this limiter's rows: other limiters may have longer windows.
    await db.rateLimitHit.deleteMany({ where: { key: { startsWith: prefix }, at: { lte: new Date(now - limit.windowMs) } } });
  }

  return {
    async consume(key, now = Date.now()): Promise<RateDecision> {
      const fullKey = prefix + key;
      const decision = await db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${lockClass}), hashtext(${fullKey}))) AS lock`;
        const inWindow = await tx.rateLimitHit.aggregate({
          where: { key: fullKey, at: { gt: new Date(now - limit.windowMs) } },
          _count: { _all: true },
          _min: { at: true },
        });
        const oldest = inWindow._min.at;
        if (inWindow._count._all >= limit.max && oldest) {
          // A slot frees when the oldest hit in the window leaves it.
          const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + limit.windowMs - now) / 1000));
          return { allowed: false, retryAfterSeconds } as const;
        }
        await tx.rateLimitHit.create({ data: { key: fullKey, at: new Date(now) }, select: { id: true } });
        return { allowed: true } as const;
      }, transactionOptions);
      await prune(now).catch((error: unknown) => console.error(`[rate-limit] pruning ${name} failed:`, error));
      return decision;
    },
  };
}
