/**
 * A rate limiter: at most `max` actions per key in any sliding window of `windowMs`.
 *
 * The interface is asynchronous so that a PostgreSQL-backed limiter (shared by every app server,
 * like server/auth/email-quota.ts) can replace the in-memory one without touching its callers.
 */
export interface RateLimit {
  max: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one action for `key` when allowed; a refused action is not counted. */
  consume(key: string, now?: number): Promise<RateDecision>;
}

/**
 * A limiter that can give back what it counted: an action may be counted first and refused later
 * for another reason (a vote on one's own comment), which must not cost the reader anything.
 * Counting first and giving back keeps the limit exact under concurrency: an action only runs once
 * it holds a unit, so a burst of concurrent requests never gets past `max`.
 */
export interface RefundableRateLimiter extends RateLimiter {
  /** Gives back one action `consume(key, at)` allowed; nothing when none is counted at `at`. */
  refund(key: string, at: number): Promise<void>;
}

/**
 * Per process: each app server counts on its own, and a restart forgets. Good enough while one
 * process serves the site; keys are dropped once their window has passed, so memory stays bounded
 * by the keys active in one window.
 */
export function createInMemoryRateLimiter(limit: RateLimit): RefundableRateLimiter {
  const actions = new Map<string, number[]>();
  let lastSweep = 0;

  function sweep(now: number): void {
    if (now - lastSweep < limit.windowMs) return;
    lastSweep = now;
    for (const [key, times] of actions) if ((times.at(-1) ?? 0) <= now - limit.windowMs) actions.delete(key);
  }

  return {
    async consume(key, now = Date.now()) {
      sweep(now);
      const recent = (actions.get(key) ?? []).filter((time) => time > now - limit.windowMs);
      const oldest = recent[0];
      if (recent.length >= limit.max && oldest !== undefined) {
        actions.set(key, recent);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + limit.windowMs - now) / 1000)) };
      }
      recent.push(now);
      actions.set(key, recent);
      return { allowed: true };
    },
    async refund(key, at) {
      const times = actions.get(key);
      const index = times?.lastIndexOf(at) ?? -1;
      if (index >= 0) times!.splice(index, 1);
    },
  };
}
