/**
 * polls.vote: casts or changes the reader's ballot, and keeps the counts exact.
 *
 * One transaction: validate against the stored poll, take the reader's advisory lock for this
 * poll (lockReaderBallot), so that concurrent ballots by one reader queue and each sees the
 * choices the previous one left (the (poll, user) unique constraint backs it: a second ballot
 * row cannot exist); then apply only the difference to the choices and to the counts. Counts are
 * updated with `count = count ± 1` in option-id order, then the poll row, so that two readers'
 * transactions always lock rows in the same order and cannot deadlock. The day's over-time tallies
 * change in the same transaction (server/polls/daily-tallies.ts); after it commits, the poll's
 * live subscribers are told to refetch (server/live).
 */
import { appError } from "@/server/api/errors.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import { announcePollResultsChanged } from "@/server/live/poll-results-changed.ts";
import { ballotChangeKey, ballotChangeLimiter } from "@/server/polls/ballot-change-limit.ts";
import { recordDailyTallies } from "@/server/polls/daily-tallies.ts";
import { pollState } from "@/server/polls/rules.ts";
import type { RateLimiter } from "@/server/rate-limit/rate-limiter.ts";
import { pollResults } from "./poll-results.ts";
import type { ResultsOutput, VoteInput } from "./schemas.ts";

type Tx = Prisma.TransactionClient;

/**
 * One reader's burst of ballots queues on their ballot row, each waiting for a pooled connection:
 * give the queue longer than Prisma's default 2 s before refusing.
 */
export const ballotTransactionOptions = { maxWait: 10_000, timeout: 10_000 } as const;

export interface BallotOptions {
  now?: Date;
  limiter?: RateLimiter;
}

/** The poll, checked to be open to ballots now. */
export async function openPollForBallot(tx: Tx, pollId: string, now: Date) {
  const poll = await tx.poll.findUnique({
    where: { id: pollId },
    select: { id: true, maxChoices: true, opensAt: true, closesAt: true, allowChange: true, options: { select: { id: true } } },
  });
  if (!poll) throw appError("NOT_FOUND", "polls.notFound");
  const state = pollState(poll, now);
  if (state === "upcoming") throw appError("BAD_REQUEST", "polls.notOpen");
  if (state === "closed") throw appError("BAD_REQUEST", "polls.closed");
  return poll;
}

/**
 * Serialises one reader's ballot transactions on one poll (votes, changes, withdrawals) with a
 * transaction-scoped advisory lock, as server/auth/email-quota.ts does for one address: each
 * then reads what the previous one committed. Returns the reader's ballot id, or null.
 */
export async function lockReaderBallot(tx: Tx, pollId: string, userId: string): Promise<string | null> {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${pollId}), hashtext(${userId}))) AS lock`;
  const ballot = await tx.ballot.findUnique({ where: { pollId_userId: { pollId, userId } }, select: { id: true } });
  return ballot?.id ?? null;
}

/** Adds `delta` to each option's count, in id order (see the header on lock order). */
export async function adjustOptionCounts(tx: Tx, deltas: Map<string, number>): Promise<void> {
  for (const optionId of [...deltas.keys()].sort()) {
    const delta = deltas.get(optionId)!;
    if (delta !== 0) await tx.pollOption.update({ where: { id: optionId }, data: { voteCount: { increment: delta } }, select: { id: true } });
  }
}

export async function checkChangeAllowed(poll: { id: string; allowChange: boolean }, userId: string, limiter: RateLimiter): Promise<void> {
  if (!poll.allowChange) throw appError("FORBIDDEN", "polls.changeNotAllowed");
  const decision = await limiter.consume(ballotChangeKey(userId, poll.id));
  if (!decision.allowed) throw appError("TOO_MANY_REQUESTS", "polls.changeRateLimited", { seconds: decision.retryAfterSeconds });
}

export async function castBallot(
  db: Db,
  user: SessionUser,
  input: VoteInput,
  { now = new Date(), limiter = ballotChangeLimiter(db) }: BallotOptions = {},
): Promise<{ changed: boolean; results: ResultsOutput }> {
  const outcome = await db.$transaction(async (tx) => {
    const poll = await openPollForBallot(tx, input.pollId, now);
    const optionIds = new Set(poll.options.map((o) => o.id));
    if (input.optionIds.some((id) => !optionIds.has(id))) throw appError("BAD_REQUEST", "polls.optionNotInPoll");
    if (input.optionIds.length > poll.maxChoices) throw appError("BAD_REQUEST", "polls.tooManyChoices", { max: poll.maxChoices });

    const existing = await lockReaderBallot(tx, poll.id, user.id);
    const isNew = existing === null;
    const ballotId =
      existing ?? (await tx.ballot.create({ data: { pollId: poll.id, userId: user.id, createdAt: now, updatedAt: now }, select: { id: true } })).id;
    const previous = isNew ? [] : (await tx.ballotChoice.findMany({ where: { ballotId }, select: { optionId: true } })).map((c) => c.optionId);
    const next = input.optionIds;
    const removed = previous.filter((id) => !next.includes(id));
    const added = next.filter((id) => !previous.includes(id));
    if (!isNew && removed.length === 0 && added.length === 0) {
      return { changed: false, results: await pollResults(tx, poll.id, user, now) };
    }
    if (!isNew) await checkChangeAllowed(poll, user.id, limiter);

    if (removed.length > 0) await tx.ballotChoice.deleteMany({ where: { ballotId, optionId: { in: removed } } });
    if (added.length > 0) await tx.ballotChoice.createMany({ data: added.map((optionId) => ({ ballotId, optionId })) });
    const optionDeltas = new Map([...removed.map((id) => [id, -1] as const), ...added.map((id) => [id, 1] as const)]);
    await adjustOptionCounts(tx, optionDeltas);
    if (isNew) await tx.poll.update({ where: { id: poll.id }, data: { voterCount: { increment: 1 } }, select: { id: true } });
    else await tx.ballot.update({ where: { id: ballotId }, data: { updatedAt: now }, select: { id: true } });
    await recordDailyTallies(tx, { pollId: poll.id, optionDeltas, voterDelta: isNew ? 1 : 0, at: now });

    return { changed: true, results: await pollResults(tx, poll.id, user, now) };
  }, ballotTransactionOptions);
  if (outcome.changed) announcePollResultsChanged(db, input.pollId);
  return outcome;
}
