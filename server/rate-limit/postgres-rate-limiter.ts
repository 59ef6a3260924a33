/**
 * A rate limiter shared by every app server on one PostgreSQL, counted in the RateLimitHit table.
 *
 * Each consume() is one call of the database function rate_limit_consume (its migration,
 * …_rate_limit_one_statement, says how it stays exact): take a transaction-scoped advisory lock on
 * the key, count the key's hits in the sliding window, and insert a hit only when under the limit.
 * The lock makes "count, then insert" atomic across connections and processes (two servers cannot
 * both take the last slot); it is released at commit, after the new hit is visible to the next
 * holder. One round trip, where the same steps as an interactive transaction took five. The same
 * SQL runs on PGlite, which is how the tests exercise it.
 */
import type { Db } from "@/server/db/client.ts";
import type { RateDecision, RateLimit, RefundableRateLimiter } from "./rate-limiter.ts";

/** Hits that left the window are deleted at most this often per limiter and process. */
export const pruneEveryMs = 60_000;

/** `name` namespaces the keys in the shared table ("<name>:<key>"). */
export function createPostgresRateLimiter(db: Db, name: string, limit: RateLimit): RefundableRateLimiter {
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
      const [row] = await db.$queryRaw<{ oldestMs: number | null }[]>`
        SELECT "rate_limit_consume"(${prefix + key}, ${now}::bigint, ${limit.windowMs}::bigint, ${limit.max}::int) AS "oldestMs"`;
      const oldestMs = row?.oldestMs ?? null;
      // Refused: a slot frees when the oldest hit in the window leaves it.
      const decision: RateDecision =
        oldestMs === null ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldestMs + limit.windowMs - now) / 1000)) };
      await prune(now).catch((error: unknown) => console.error(`[rate-limit] pruning ${name} failed:`, error));
      return decision;
    },

    /**
     * One statement, no advisory lock: deleting a hit can only lower a count, so a consume()
     * counting meanwhile errs on the strict side. Hits of one key at one instant are
     * interchangeable; SKIP LOCKED makes concurrent refunds of such twins delete one each instead
     * of racing for the same row (the loser would delete nothing, and a unit would stay counted).
     */
    async refund(key, at): Promise<void> {
      await db.$executeRaw`
        DELETE FROM "RateLimitHit" WHERE id IN (
          SELECT id FROM "RateLimitHit"
          WHERE key = ${prefix + key} AND at = timestamp '1970-01-01' + ${at}::bigint * interval '1 millisecond'
          LIMIT 1 FOR UPDATE SKIP LOCKED)`;
    },
  };
}
