/**
 * polls.withdraw: removes the reader's ballot while the poll is open (where changes are allowed),
 * with the day's over-time tallies in the same transaction; then tells live subscribers.
 */
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { announcePollResultsChanged } from "@/server/live/poll-results-changed.ts";
import { ballotChangeLimiter } from "@/server/polls/ballot-change-limit.ts";
import { recordDailyTallies } from "@/server/polls/daily-tallies.ts";
import { adjustOptionCounts, ballotTransactionOptions, checkChangeAllowed, lockReaderBallot, openPollForBallot, type BallotOptions } from "./cast-ballot.ts";
import { pollResults } from "./poll-results.ts";
import type { ResultsOutput } from "./schemas.ts";

export async function withdrawBallot(
  db: Db,
  user: SessionUser,
  pollId: string,
  { now = new Date(), limiter = ballotChangeLimiter(db) }: BallotOptions = {},
): Promise<{ withdrawn: boolean; results: ResultsOutput }> {
  const outcome = await db.$transaction(async (tx) => {
    const poll = await openPollForBallot(tx, pollId, now);
    const ballotId = await lockReaderBallot(tx, poll.id, user.id);
    // Nothing to withdraw: the same answer as a withdrawal that already happened.
    if (!ballotId) return { withdrawn: false, results: await pollResults(tx, poll.id, user, now) };
    await checkChangeAllowed(poll, user.id, limiter);

    const choices = await tx.ballotChoice.findMany({ where: { ballotId }, select: { optionId: true } });
    await tx.ballot.delete({ where: { id: ballotId }, select: { id: true } }); // its choices go with it
    const optionDeltas = new Map(choices.map((c) => [c.optionId, -1] as const));
    await adjustOptionCounts(tx, optionDeltas);
    await tx.poll.update({ where: { id: poll.id }, data: { voterCount: { decrement: 1 } }, select: { id: true } });
    await recordDailyTallies(tx, { pollId: poll.id, optionDeltas, voterDelta: -1, at: now });
    return { withdrawn: true, results: await pollResults(tx, poll.id, user, now) };
  }, ballotTransactionOptions);
  if (outcome.withdrawn) announcePollResultsChanged(db, pollId);
  return outcome;
}
