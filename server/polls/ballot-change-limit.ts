/**
 * Changing or withdrawing a ballot: at most 10 times per reader and poll in 10 minutes. A first
 * vote is never limited. Stops scripted flip-flopping that would make live results flicker and
 * the over-time chart meaningless, without getting in the way of a reader changing their mind.
 */
import { createInMemoryRateLimiter, type RateLimit, type RateLimiter } from "@/server/rate-limit/rate-limiter.ts";

export const ballotChangeLimit: RateLimit = { max: 10, windowMs: 10 * 60_000 };

export const ballotChangeLimiter: RateLimiter = createInMemoryRateLimiter(ballotChangeLimit);

export function ballotChangeKey(userId: string, pollId: string): string {
  return `${userId}:${pollId}`;
}
