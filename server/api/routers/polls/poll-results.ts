/** polls.results: the counts of one poll, when the reader may see them; never who voted for what. */
import { appError } from "@/server/api/errors.ts";
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import { readResultsAccess, resultsAccessSelect } from "@/server/polls/results-access.ts";
import type { ResultsOutput } from "./schemas.ts";

export async function pollResults(
  db: Db | Prisma.TransactionClient,
  pollId: string,
  user: Pick<SessionUser, "id" | "role"> | null,
  now: Date = new Date(),
): Promise<ResultsOutput> {
  const poll = await db.poll.findUnique({
    where: { id: pollId },
    select: { ...resultsAccessSelect, voterCount: true, options: { select: { id: true, voteCount: true }, orderBy: { position: "asc" } } },
  });
  if (!poll) throw appError("NOT_FOUND", "polls.notFound");
  const { myChoice, reason } = await readResultsAccess(db, poll, user, now);
  if (reason) return { pollId: poll.id, visible: false, reason, myChoice };
  return {
    pollId: poll.id,
    visible: true,
    voterCount: poll.voterCount,
    options: poll.options.map((o) => ({ id: o.id, votes: o.voteCount, share: poll.voterCount > 0 ? o.voteCount / poll.voterCount : 0 })),
    myChoice,
  };
}
