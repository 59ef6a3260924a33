/**
 * polls.breakdown: the answers to one poll by the answer to another on the same essay ("Have you
 * left Web3?" by generation), counted over readers who answered both, small groups suppressed.
 * Shown only to readers who may see both polls' results.
 *
 * Two round trips whatever the number of voters: both polls' counts with the reader's own ballots
 * (`poll_results`, which decides visibility), then the maintained cross-tab
 * (server/polls/breakdown-counts.ts).
 */
import { appError } from "@/server/api/errors.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { readBreakdownCounts } from "@/server/polls/breakdown-counts.ts";
import { hiddenReasonFor, parsePollCounts } from "@/server/polls/results-read.ts";
import { suppressSmallGroups } from "@/server/polls/suppression.ts";
import type { BreakdownOutput } from "./schemas.ts";

export async function pollBreakdown(
  db: Db,
  pollId: string,
  byPollId: string,
  user: Pick<SessionUser, "id" | "role"> | null,
  now: Date = new Date(),
): Promise<BreakdownOutput> {
  if (pollId === byPollId) throw appError("BAD_REQUEST", "polls.breakdownSamePoll");
  const userId = user?.id ?? null;
  const [row] = await db.$queryRaw<Array<{ poll: unknown; by: unknown }>>`
    SELECT "poll_results"(${pollId}, ${userId}) AS poll, "poll_results"(${byPollId}, ${userId}) AS by`;
  if (row?.poll == null || row.by == null) throw appError("NOT_FOUND", "polls.notFound");
  const poll = parsePollCounts(row.poll);
  const by = parsePollCounts(row.by);
  if (poll.essayId !== by.essayId) throw appError("BAD_REQUEST", "polls.breakdownOtherEssay");

  for (const p of [poll, by]) {
    const reason = hiddenReasonFor(p, user, now);
    if (reason) return { visible: false, pollId, byPollId, reason };
  }

  const rows = poll.options.map(([id]) => id);
  const columns = by.options.map(([id]) => id);
  const counts = await readBreakdownCounts(db, rows, columns);
  return { visible: true, pollId, byPollId, rows, columns, ...suppressSmallGroups(counts) };
}
