/**
 * Reads of polls for procedures and pages: the poll as shown (question, options, state), the
 * counts, and a reader's own choice. Never who chose what: only a reader's own ballot is read.
 */
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import { defaultEssayOrder } from "@/server/essay/queries.ts";
import { pollState, type PollState } from "./rules.ts";

export const pollViewSelect = {
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
  options: { select: { id: true, key: true, labelZh: true, labelEn: true }, orderBy: { position: "asc" } },
} as const satisfies Prisma.PollSelect;

type PollRow = Prisma.PollGetPayload<{ select: typeof pollViewSelect }>;
type PollOptionRow = PollRow["options"][number];

/** An option as shown: its label in both languages. */
export function toPollOptionView(option: PollOptionRow) {
  return { id: option.id, key: option.key, label: { zh: option.labelZh, en: option.labelEn } };
}

export function toPollView(row: PollRow, now: Date = new Date()) {
  const { questionZh, questionEn, options, ...rest } = row;
  return {
    ...rest,
    question: { zh: questionZh, en: questionEn },
    state: pollState(row, now) satisfies PollState,
    options: options.map(toPollOptionView),
  };
}
export type PollView = ReturnType<typeof toPollView>;

/** The essay's polls in page order; null when the essay does not exist. */
export async function listPollsForEssay(db: Db, slug?: string): Promise<PollView[] | null> {
  const essay = slug
    ? await db.essay.findUnique({ where: { slug }, select: { id: true } })
    : await db.essay.findFirst({ orderBy: [...defaultEssayOrder], select: { id: true } });
  if (!essay) return null;
  const rows = await db.poll.findMany({ where: { essayId: essay.id }, orderBy: [{ position: "asc" }, { key: "asc" }], select: pollViewSelect });
  const now = new Date();
  return rows.map((row) => toPollView(row, now));
}

/** The option ids of this reader's ballot, or null when they have none. */
export async function readMyChoice(db: Db | Prisma.TransactionClient, pollId: string, userId: string | null): Promise<string[] | null> {
  if (!userId) return null;
  const ballot = await db.ballot.findUnique({
    where: { pollId_userId: { pollId, userId } },
    select: { choices: { select: { optionId: true } } },
  });
  return ballot ? ballot.choices.map((c) => c.optionId).sort() : null;
}
