/**
 * Per-account limits on comment actions (docs/comments.md). Each limit has its own name, because a
 * name carries exactly one limit in the shared store (server/rate-limit/app-rate-limiter.ts).
 *
 * - writing: one comment per 5 s stops a pasted flood, 30 per hour stops a slow one, while a
 *   reader in a lively exchange is never held back;
 * - editing: 20 per 10 minutes is more than anyone fixing typos needs;
 * - voting: 60 per minute, a vote a second, faster than anyone reads.
 */
import { appError } from "@/server/api/errors.ts";
import type { Db } from "@/server/db/client.ts";
import type { ErrorKey } from "@/server/i18n/error-messages.ts";
import { appRateLimiter } from "@/server/rate-limit/app-rate-limiter.ts";
import type { RateLimit, RefundableRateLimiter } from "@/server/rate-limit/rate-limiter.ts";

export const commentRateLimits = {
  "comment-burst": { max: 1, windowMs: 5_000 },
  "comment-hourly": { max: 30, windowMs: 60 * 60_000 },
  "comment-edit": { max: 20, windowMs: 10 * 60_000 },
  "comment-vote": { max: 60, windowMs: 60_000 },
} as const satisfies Record<string, RateLimit>;

export type CommentAction = "create" | "edit" | "vote";

const limitsOf: Record<CommentAction, (keyof typeof commentRateLimits)[]> = {
  create: ["comment-burst", "comment-hourly"],
  edit: ["comment-edit"],
  vote: ["comment-vote"],
};

const refusalKey: Record<CommentAction, ErrorKey> = {
  create: "comments.rateLimited",
  edit: "comments.editRateLimited",
  vote: "comments.voteRateLimited",
};

/** Gives back what a gate counted, for an action refused after it passed the gate. */
export type GiveBackRate = () => Promise<void>;

/**
 * Decides whether an account may act now, counting the action; a refusal throws TOO_MANY_REQUESTS
 * with the wait. Resolves to the way to give the count back (a gate that counts nothing, as in
 * tests, may resolve to nothing).
 */
export type CommentRateGate = (action: CommentAction, userId: string) => Promise<GiveBackRate | void>;

export function commentRateGate(
  db: Db,
  limiterFor: (name: keyof typeof commentRateLimits) => RefundableRateLimiter = defaultLimiter(db),
): CommentRateGate {
  return async (action, userId) => {
    // One instant for every limit of the action, so that each can give back exactly its own hit.
    const at = Date.now();
    const counted: RefundableRateLimiter[] = [];
    // In order, stopping at the first refusal: a short limit refusing leaves the longer ones
    // uncounted. (A longer limit refusing after a shorter one counted costs the reader nothing:
    // they must wait for the longer one anyway.)
    for (const name of limitsOf[action]) {
      const limiter = limiterFor(name);
      const decision = await limiter.consume(userId, at);
      if (!decision.allowed) throw appError("TOO_MANY_REQUESTS", refusalKey[action], { seconds: decision.retryAfterSeconds });
      counted.push(limiter);
    }
    return async () => {
      await Promise.all(counted.map((limiter) => limiter.refund(userId, at)));
    };
  };
}

function defaultLimiter(db: Db) {
  return (name: keyof typeof commentRateLimits) => appRateLimiter(db, name, commentRateLimits[name]);
}

/** For tests of everything but the limits (e.g. 200 concurrent votes by one reader). */
export const unlimitedCommentRate: CommentRateGate = async () => {};
