/**
 * A poll as moderators see it: its settings, state and counts. Counts only: the maintained
 * PollOption.voteCount and Poll.voterCount, never a ballot (docs/polls.md, "Secret ballots").
 */
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import { pollState } from "@/server/polls/rules.ts";

/**
 * Moderators' transactions wait for a connection as long as ballots do (cast-ballot.ts): when
 * readers vote in bulk the pool is busy, and an edit should queue, not fail after Prisma's 2 s.
 */
export const moderationTransactionOptions = { maxWait: 10_000, timeout: 10_000 } as const;

export const moderatedPollSelect = {
  id: true,
  key: true,
  questionZh: true,
  questionEn: true,
  kind: true,
  maxChoices: true,
  opensAt: true,
  closesAt: true,
  resultsVisibility: true,
  allowChange: true,
  placements: true,
  voterCount: true,
  createdAt: true,
  updatedAt: true,
  options: { select: { id: true, key: true, labelZh: true, labelEn: true, voteCount: true }, orderBy: { position: "asc" } },
} as const satisfies Prisma.PollSelect;

type ModeratedPollRow = Prisma.PollGetPayload<{ select: typeof moderatedPollSelect }>;

export function toModeratedPoll(row: ModeratedPollRow, now: Date = new Date()) {
  const { questionZh, questionEn, options, ...rest } = row;
  return {
    ...rest,
    question: { zh: questionZh, en: questionEn },
    state: pollState(row, now),
    options: options.map((o) => ({ id: o.id, key: o.key, label: { zh: o.labelZh, en: o.labelEn }, votes: o.voteCount })),
  };
}
export type ModeratedPollView = ReturnType<typeof toModeratedPoll>;

export async function readModeratedPoll(db: Db | Prisma.TransactionClient, pollId: string, now: Date = new Date()): Promise<ModeratedPollView | null> {
  const row = await db.poll.findUnique({ where: { id: pollId }, select: moderatedPollSelect });
  return row ? toModeratedPoll(row, now) : null;
}
