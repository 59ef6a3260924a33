/**
 * A poll as moderators see it: its settings, state and counts. Counts only: the maintained
 * PollOption.voteCount and Poll.voterCount, never a ballot (docs/polls.md, "Secret ballots").
 */
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import { pollViewSelect, toPollOptionView, toPollView } from "@/server/polls/queries.ts";

/**
 * Moderators' transactions wait up to 10 s for a pooled connection: when readers vote in bulk the
 * pool is busy (each ballot is one statement, server/polls/ballot-sql.ts), and an edit should
 * queue, not fail after Prisma's 2 s.
 */
export const moderationTransactionOptions = { maxWait: 10_000, timeout: 10_000 } as const;

/** The poll as readers see it (queries.ts), with its counts and timestamps. */
export const moderatedPollSelect = {
  ...pollViewSelect,
  voterCount: true,
  createdAt: true,
  updatedAt: true,
  options: { ...pollViewSelect.options, select: { ...pollViewSelect.options.select, voteCount: true } },
} as const satisfies Prisma.PollSelect;

type ModeratedPollRow = Prisma.PollGetPayload<{ select: typeof moderatedPollSelect }>;

export function toModeratedPoll(row: ModeratedPollRow, now: Date = new Date()) {
  const { voterCount, createdAt, updatedAt } = row;
  return {
    ...toPollView(row, now),
    voterCount,
    createdAt,
    updatedAt,
    options: row.options.map((o) => ({ ...toPollOptionView(o), votes: o.voteCount })),
  };
}
export type ModeratedPollView = ReturnType<typeof toModeratedPoll>;

export async function readModeratedPoll(db: Db | Prisma.TransactionClient, pollId: string, now: Date = new Date()): Promise<ModeratedPollView | null> {
  const row = await db.poll.findUnique({ where: { id: pollId }, select: moderatedPollSelect });
  return row ? toModeratedPoll(row, now) : null;
}
