/**
 * Whether this reader may see a poll's counts now, read with their own choice: voting is what
 * opens "after voting" results, and the procedures that answer with counts also return the choice.
 */
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import { readMyChoice } from "./queries.ts";
import { resultsHiddenReason, type HiddenReason } from "./visibility.ts";

/** The poll columns the decision needs. */
export const resultsAccessSelect = { id: true, resultsVisibility: true, opensAt: true, closesAt: true } as const satisfies Prisma.PollSelect;

type AccessPoll = Prisma.PollGetPayload<{ select: typeof resultsAccessSelect }>;

export interface ResultsAccess {
  /** The option ids of the reader's ballot, or null when they have none (or are signed out). */
  myChoice: string[] | null;
  /** null when the reader may see the counts, else why not. */
  reason: HiddenReason | null;
}

export async function readResultsAccess(
  db: Db | Prisma.TransactionClient,
  poll: AccessPoll,
  user: Pick<SessionUser, "id" | "role"> | null,
  now: Date = new Date(),
): Promise<ResultsAccess> {
  const myChoice = await readMyChoice(db, poll.id, user?.id ?? null);
  return { myChoice, reason: resultsHiddenReason(poll, { role: user?.role ?? null, hasVoted: myChoice !== null }, now) };
}
