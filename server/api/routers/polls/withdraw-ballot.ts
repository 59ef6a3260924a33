/**
 * polls.withdraw: removes the reader's ballot while the poll is open (where changes are allowed),
 * in one SQL statement with its counts and the day's over-time tallies (`poll_withdraw_ballot`,
 * server/polls/ballot-sql.ts); then tells live subscribers.
 */
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { announcePollResultsChanged } from "@/server/live/poll-results-changed.ts";
import { withdrawBallotStatement } from "@/server/polls/ballot-sql.ts";
import { ballotChangeLimiter } from "@/server/polls/ballot-change-limit.ts";
import { refuseIfSanctioned } from "@/server/moderation/sanctions.ts";
import { toResultsView } from "@/server/polls/results-read.ts";
import { ballotRefusal, consumeChangeLimit } from "./ballot-refusals.ts";
import type { BallotOptions } from "./cast-ballot.ts";
import type { ResultsOutput } from "./schemas.ts";

export async function withdrawBallot(
  db: Db,
  user: SessionUser,
  pollId: string,
  { now = new Date(), limiter = ballotChangeLimiter(db) }: BallotOptions = {},
): Promise<{ withdrawn: boolean; results: ResultsOutput }> {
  const withdraw = (mayChange: boolean) => withdrawBallotStatement(db, { pollId, userId: user.id, now, mayChange });
  let result = await withdraw(false);
  if (result.outcome === "changeNeedsLimit") {
    // Changing a ballot is a write a sanctioned reader may not make (a first ballot is not refused).
    await refuseIfSanctioned(db, user.id, now);
    await consumeChangeLimit(limiter, user.id, pollId);
    result = await withdraw(true);
  }
  switch (result.outcome) {
    case "withdrawn":
      announcePollResultsChanged(db, pollId);
      return { withdrawn: true, results: toResultsView(pollId, result.counts, user, now) };
    // Nothing to withdraw: the same answer as a withdrawal that already happened.
    case "none":
      return { withdrawn: false, results: toResultsView(pollId, result.counts, user, now) };
    case "changeNeedsLimit":
      throw new Error("poll_withdraw_ballot asked for the rate limit twice");
    default:
      throw ballotRefusal(result.outcome);
  }
}
