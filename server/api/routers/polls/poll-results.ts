/** polls.results: the counts of one poll, when the reader may see them; never who voted for what. */
import { appError } from "@/server/api/errors.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import { readPollCounts, toResultsView } from "@/server/polls/results-read.ts";
import type { ResultsOutput } from "./schemas.ts";

export async function pollResults(
  db: Db | Prisma.TransactionClient,
  pollId: string,
  user: Pick<SessionUser, "id" | "role"> | null,
  now: Date = new Date(),
): Promise<ResultsOutput> {
  const counts = await readPollCounts(db, pollId, user?.id ?? null);
  if (!counts) throw appError("NOT_FOUND", "polls.notFound");
  return toResultsView(pollId, counts, user, now);
}
