/** polls.results: the counts of one poll, when the reader may see them; never who voted for what. */
import { appError } from "@/server/api/errors.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { keptPollCounts } from "@/server/polls/kept-results.ts";
import { toResultsView } from "@/server/polls/results-read.ts";
import type { ResultsOutput } from "./schemas.ts";

export async function pollResults(
  db: Db,
  pollId: string,
  user: Pick<SessionUser, "id" | "role"> | null,
  now: Date = new Date(),
): Promise<ResultsOutput> {
  // Kept per process and cleared by every ballot and poll event (kept-results.ts says why that is fresh enough).
  const counts = await keptPollCounts(db, pollId, user?.id ?? null);
  if (!counts) throw appError("NOT_FOUND", "polls.notFound");
  return toResultsView(pollId, counts, user, now);
}
