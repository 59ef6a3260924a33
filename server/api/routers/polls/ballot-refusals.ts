/** The ballot functions' refusals as the translated errors readers see (errors.polls.*). */
import type { TRPCError } from "@trpc/server";
import { appError } from "@/server/api/errors.ts";
import type { BallotRefusal } from "@/server/polls/ballot-sql.ts";
import { ballotChangeKey } from "@/server/polls/ballot-change-limit.ts";
import type { RateLimiter } from "@/server/rate-limit/rate-limiter.ts";

export function ballotRefusal(refusal: Exclude<BallotRefusal, "changeNeedsLimit">, max = 0): TRPCError {
  switch (refusal) {
    case "notFound":
      return appError("NOT_FOUND", "polls.notFound");
    case "notOpen":
      return appError("BAD_REQUEST", "polls.notOpen");
    case "closed":
      return appError("BAD_REQUEST", "polls.closed");
    case "optionNotInPoll":
      return appError("BAD_REQUEST", "polls.optionNotInPoll");
    case "tooManyChoices":
      return appError("BAD_REQUEST", "polls.tooManyChoices", { max });
    case "changeNotAllowed":
      return appError("FORBIDDEN", "polls.changeNotAllowed");
  }
}

/** Counts one change or withdrawal against the reader's limit on this poll; refuses past it. */
export async function consumeChangeLimit(limiter: RateLimiter, userId: string, pollId: string): Promise<void> {
  const decision = await limiter.consume(ballotChangeKey(userId, pollId));
  if (!decision.allowed) throw appError("TOO_MANY_REQUESTS", "polls.changeRateLimited", { seconds: decision.retryAfterSeconds });
}
