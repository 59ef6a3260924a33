/**
 * Changing or withdrawing a ballot: at most 10 times per reader and poll in 10 minutes. A first
 * vote is never limited. Stops scripted flip-flopping that would make live results flicker and
 * the over-time chart meaningless, without getting in the way of a reader changing their mind.
 * Counted through the app's rate limiter, so the limit holds across app servers on PostgreSQL.
 */
import type { Db } from "@/server/db/client.ts";
import { appRateLimiter } from "@/server/rate-limit/app-rate-limiter.ts";
import type { RateLimit, RateLimiter } from "@/server/rate-limit/rate-limiter.ts";

export const ballotChangeLimit: RateLimit = { max: 10, windowMs: 10 * 60_000 };

export function ballotChangeLimiter(db: Db): RateLimiter {
  return appRateLimiter(db, "ballot-change", ballotChangeLimit);
}

export function ballotChangeKey(userId: string, pollId: string): string {
  return `${userId}:${pollId}`;
}
