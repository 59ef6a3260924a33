/**
 * polls.overTime: each option's cumulative count and share by UTC day since the poll opened, to
 * whoever may see the poll's results (the same rules as polls.results), with the days that could
 * single out a ballot left without numbers (server/polls/over-time.ts).
 */
import { appError } from "@/server/api/errors.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { overTimePoints, overTimeThreshold, pollDays, readDailyTotals } from "@/server/polls/over-time.ts";
import { readResultsAccess, resultsAccessSelect } from "@/server/polls/results-access.ts";
import type { OverTimeOutput } from "./over-time-schemas.ts";

// The router wires this procedure with one import.
export { overTimeInput, overTimeOutput } from "./over-time-schemas.ts";

export async function pollOverTime(
  db: Db,
  pollId: string,
  user: Pick<SessionUser, "id" | "role"> | null,
  now: Date = new Date(),
): Promise<OverTimeOutput> {
  const poll = await db.poll.findUnique({
    where: { id: pollId },
    select: { ...resultsAccessSelect, maxChoices: true, options: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  if (!poll) throw appError("NOT_FOUND", "polls.notFound");
  const { reason } = await readResultsAccess(db, poll, user, now);
  if (reason) return { pollId: poll.id, visible: false, reason };

  const days = overTimePoints({
    days: pollDays(poll, now),
    optionIds: poll.options.map((option) => option.id),
    maxChoices: poll.maxChoices,
    totals: await readDailyTotals(db, poll.id),
  });
  return { pollId: poll.id, visible: true, threshold: overTimeThreshold, days };
}
