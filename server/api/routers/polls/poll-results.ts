/** polls.results: the counts of one poll, when the reader may see them; never who voted for what. */
import { appError } from "@/server/api/errors.ts";
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import { readMyChoice } from "@/server/polls/queries.ts";
import { resultsHiddenReason } from "@/server/polls/visibility.ts";
import type { ResultsOutput } from "./schemas.ts";

export async function pollResults(
  db: Db | Prisma.TransactionClient,
  pollId: string,
  user: Pick<SessionUser, "id" | "role"> | null,
  now: Date = new Date(),
): Promise<ResultsOutput> {
  const poll = await db.poll.findUnique({
    where: { id: pollId },
    select: {
      id: true,
      resultsVisibility: true,
      opensAt: true,
      closesAt: true,
      voterCount: true,
      options: { select: { id: true, voteCount: true }, orderBy: { position: "asc" } },
    },
  });
  if (!poll) throw appError("NOT_FOUND", "polls.notFound");
  const myChoice = await readMyChoice(db, poll.id, user?.id ?? null);
  const reason = resultsHiddenReason(poll, { role: user?.role ?? null, hasVoted: myChoice !== null }, now);
  if (reason) return { pollId: poll.id, visible: false, reason, myChoice };
  return {
    pollId: poll.id,
    visible: true,
    voterCount: poll.voterCount,
    options: poll.options.map((o) => ({ id: o.id, votes: o.voteCount, share: poll.voterCount > 0 ? o.voteCount / poll.voterCount : 0 })),
    myChoice,
  };
}
