/**
 * polls.breakdown: the answers to one poll by the answer to another on the same essay ("Have you
 * left Web3?" by generation), counted over readers who answered both, small groups suppressed.
 * Shown only to readers who may see both polls' results.
 */
import { appError } from "@/server/api/errors.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { readResultsAccess, resultsAccessSelect } from "@/server/polls/results-access.ts";
import { suppressSmallGroups } from "@/server/polls/suppression.ts";
import type { BreakdownOutput } from "./schemas.ts";

const pollSelect = {
  ...resultsAccessSelect,
  essayId: true,
  options: { select: { id: true }, orderBy: { position: "asc" } },
} as const;

export async function pollBreakdown(
  db: Db,
  pollId: string,
  byPollId: string,
  user: Pick<SessionUser, "id" | "role"> | null,
  now: Date = new Date(),
): Promise<BreakdownOutput> {
  if (pollId === byPollId) throw appError("BAD_REQUEST", "polls.breakdownSamePoll");
  const [poll, by] = await Promise.all([
    db.poll.findUnique({ where: { id: pollId }, select: pollSelect }),
    db.poll.findUnique({ where: { id: byPollId }, select: pollSelect }),
  ]);
  if (!poll || !by) throw appError("NOT_FOUND", "polls.notFound");
  if (poll.essayId !== by.essayId) throw appError("BAD_REQUEST", "polls.breakdownOtherEssay");

  for (const p of [poll, by]) {
    const { reason } = await readResultsAccess(db, p, user, now);
    if (reason) return { visible: false, pollId, byPollId, reason };
  }

  const pairs = await db.$queryRaw<{ rowOption: string; columnOption: string; voters: number }[]>`
    SELECT ca."optionId" AS "rowOption", cb."optionId" AS "columnOption", COUNT(*)::int AS "voters"
    FROM "Ballot" a
    JOIN "Ballot" b ON b."pollId" = ${byPollId} AND b."userId" = a."userId"
    JOIN "BallotChoice" ca ON ca."ballotId" = a."id"
    JOIN "BallotChoice" cb ON cb."ballotId" = b."id"
    WHERE a."pollId" = ${pollId}
    GROUP BY 1, 2`;
  const rows = poll.options.map((o) => o.id);
  const columns = by.options.map((o) => o.id);
  const counts = rows.map(() => columns.map(() => 0));
  for (const pair of pairs) {
    const r = rows.indexOf(pair.rowOption);
    const c = columns.indexOf(pair.columnOption);
    if (r >= 0 && c >= 0) counts[r]![c] = Number(pair.voters);
  }
  return { visible: true, pollId, byPollId, rows, columns, ...suppressSmallGroups(counts) };
}
