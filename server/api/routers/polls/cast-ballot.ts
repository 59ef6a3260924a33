/**
 * polls.vote: casts, changes or repeats the reader's ballot, and keeps every count exact.
 *
 * The whole ballot is one SQL statement, `poll_cast_ballot` (server/polls/ballot-sql.ts says why),
 * or under load one statement for several readers' first ballots (server/polls/first-ballots.ts):
 * it checks the poll, serialises the reader's ballots with an advisory lock, applies only the
 * difference to the choices, then the shared counters in one order, and answers with the counts.
 * A change of an existing ballot first comes back asking for the rate limit, which the app keeps;
 * after it commits, the poll's live subscribers are told to refetch (server/live).
 */
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { announcePollResultsChanged } from "@/server/live/poll-results-changed.ts";
import { castBallotStatement } from "@/server/polls/ballot-sql.ts";
import { ballotChangeLimiter } from "@/server/polls/ballot-change-limit.ts";
import { refuseIfSanctioned } from "@/server/moderation/sanctions.ts";
import { castBallotFirstAttempt } from "@/server/polls/first-ballots.ts";
import { toResultsView } from "@/server/polls/results-read.ts";
import type { RateLimiter } from "@/server/rate-limit/rate-limiter.ts";
import { ballotRefusal, consumeChangeLimit } from "./ballot-refusals.ts";
import type { ResultsOutput, VoteInput } from "./schemas.ts";

export interface BallotOptions {
  now?: Date;
  limiter?: RateLimiter;
}

export async function castBallot(
  db: Db,
  user: SessionUser,
  input: VoteInput,
  { now = new Date(), limiter = ballotChangeLimiter(db) }: BallotOptions = {},
): Promise<{ changed: boolean; results: ResultsOutput }> {
  const ballot = { pollId: input.pollId, userId: user.id, optionIds: input.optionIds, now };
  // Batched with other readers' first ballots under load (server/polls/first-ballots.ts).
  let result = await castBallotFirstAttempt(db, ballot);
  if (result.outcome === "changeNeedsLimit") {
    // Changing a ballot is a write a sanctioned reader may not make (a first ballot is not refused).
    await refuseIfSanctioned(db, user.id, now);
    await consumeChangeLimit(limiter, user.id, input.pollId);
    result = await castBallotStatement(db, { ...ballot, mayChange: true });
  }
  switch (result.outcome) {
    case "changed":
      announcePollResultsChanged(db, input.pollId);
      return { changed: true, results: toResultsView(input.pollId, result.counts, user, now) };
    case "unchanged":
      return { changed: false, results: toResultsView(input.pollId, result.counts, user, now) };
    case "tooManyChoices":
      throw ballotRefusal(result.outcome, result.max);
    case "changeNeedsLimit":
      throw new Error("poll_cast_ballot asked for the rate limit twice");
    default:
      throw ballotRefusal(result.outcome);
  }
}
