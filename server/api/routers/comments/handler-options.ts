/** What the comment handlers take besides their input: injectable for tests, real by default. */
import type { RequestMeta } from "@/server/api/trpc.ts";
import type { Db } from "@/server/db/client.ts";
import { commentRateGate, type CommentRateGate } from "@/server/comments/rate-limits.ts";

export interface CommentHandlerOptions {
  /** The clock (the edit grace window, timestamps). */
  now?: Date;
  /** The per-account limits (server/comments/rate-limits.ts). */
  rateGate?: CommentRateGate;
  /** The request's client address and user agent, for the moderation audit log. */
  request?: RequestMeta;
}

export function resolveOptions(db: Db, options: CommentHandlerOptions): { now: Date; rateGate: CommentRateGate } {
  return { now: options.now ?? new Date(), rateGate: options.rateGate ?? commentRateGate(db) };
}

/**
 * Writers whose rows are locked queue for them, each waiting for a pooled connection: give a burst
 * (200 votes by one reader on one comment) longer than Prisma's default 2 s before refusing.
 */
export const commentTransactionOptions = { maxWait: 10_000, timeout: 10_000 } as const;
