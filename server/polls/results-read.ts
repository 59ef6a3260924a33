/**
 * A poll's counts and one reader's own choice in one round trip: the SQL function `poll_results`
 * (migration …_poll_answer_pairs), which the ballot functions also return after a ballot. Three
 * Prisma queries (the poll, its options, the reader's ballot) cost this path most of its CPU under
 * load; one statement and a small parse do not. Who may see the counts is decided here, in code,
 * by the same rule as everywhere (visibility.ts).
 */
import { z } from "zod";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import { resultsHiddenReason, type HiddenReason } from "./visibility.ts";

/** What `poll_results` returns (times in ms since the epoch, UTC). */
export const pollCountsSchema = z.object({
  essayId: z.string(),
  resultsVisibility: z.enum(["ALWAYS", "AFTER_VOTING", "AFTER_CLOSING", "MODERATORS"]),
  opensAt: z.number(),
  closesAt: z.number().nullable(),
  voterCount: z.number().int(),
  /** [option id, votes] in the poll's order. */
  options: z.array(z.tuple([z.string(), z.number().int()])),
  /** null without a ballot. */
  myChoice: z.array(z.string()).nullable(),
});
export type PollCounts = z.infer<typeof pollCountsSchema>;

export type PollResultsView =
  | { pollId: string; visible: true; voterCount: number; options: Array<{ id: string; votes: number; share: number }>; myChoice: string[] | null }
  | { pollId: string; visible: false; reason: HiddenReason; myChoice: string[] | null };

/** jsonb arrives parsed from the pg adapter and as text from PGlite's; accept both. */
export function parsePollCounts(value: unknown): PollCounts {
  return pollCountsSchema.parse(typeof value === "string" ? JSON.parse(value) : value);
}

/** The counts of a poll and the reader's choice; null when the poll does not exist. */
export async function readPollCounts(db: Db | Prisma.TransactionClient, pollId: string, userId: string | null): Promise<PollCounts | null> {
  const [row] = await db.$queryRaw<Array<{ counts: unknown }>>`SELECT "poll_results"(${pollId}, ${userId}) AS counts`;
  return row?.counts == null ? null : parsePollCounts(row.counts);
}

/** null when the reader may see the counts, else why not (the rule of visibility.ts). */
export function hiddenReasonFor(counts: PollCounts, user: Pick<SessionUser, "role"> | null, now: Date): HiddenReason | null {
  const poll = { resultsVisibility: counts.resultsVisibility, opensAt: new Date(counts.opensAt), closesAt: counts.closesAt === null ? null : new Date(counts.closesAt) };
  return resultsHiddenReason(poll, { role: user?.role ?? null, hasVoted: counts.myChoice !== null }, now);
}

/** polls.results' answer from the counts: never anyone's choice but the reader's own. */
export function toResultsView(pollId: string, counts: PollCounts, user: Pick<SessionUser, "role"> | null, now: Date): PollResultsView {
  // Sorted as readMyChoice sorts (queries.ts), so callers compare choices as they always did.
  const myChoice = counts.myChoice === null ? null : [...counts.myChoice].sort();
  const reason = hiddenReasonFor(counts, user, now);
  if (reason) return { pollId, visible: false, reason, myChoice };
  const voters = counts.voterCount;
  return {
    pollId,
    visible: true,
    voterCount: voters,
    options: counts.options.map(([id, votes]) => ({ id, votes, share: voters > 0 ? votes / voters : 0 })),
    myChoice,
  };
}
