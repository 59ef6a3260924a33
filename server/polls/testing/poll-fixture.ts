/** Test polls with any settings, straight into the database (the seed writes only the two real ones). */
import type { Db } from "@/server/db/client.ts";
import type { PollKind, PollResultsVisibility } from "@/server/db/generated/enums.ts";

export interface TestPollFields {
  essayId?: string;
  key?: string;
  kind?: PollKind;
  maxChoices?: number;
  options?: number;
  opensAt?: Date;
  closesAt?: Date | null;
  resultsVisibility?: PollResultsVisibility;
  allowChange?: boolean;
}

let pollCount = 0;

/** An essay to hang polls on, when the test does not seed the real one. */
export async function createTestEssay(db: Db): Promise<string> {
  pollCount += 1;
  const essay = await db.essay.create({
    data: {
      slug: `poll-test-essay-${pollCount}-${Date.now()}`,
      title: "测试",
      author: "a",
      publisher: "p",
      language: "zh-CN",
      publishedAt: new Date("2025-01-01T00:00:00Z"),
      source: "",
      blocks: [],
      relatedReadings: [],
      readingMinutes: 1,
      contentHash: "x",
    },
    select: { id: true },
  });
  return essay.id;
}

export async function createTestPoll(db: Db, fields: TestPollFields = {}) {
  pollCount += 1;
  const essayId = fields.essayId ?? (await createTestEssay(db));
  const optionCount = fields.options ?? 4;
  return db.poll.create({
    data: {
      essayId,
      key: fields.key ?? `poll-${pollCount}`,
      questionZh: `问题 ${pollCount}`,
      questionEn: `Question ${pollCount}`,
      kind: fields.kind ?? "SINGLE",
      maxChoices: fields.maxChoices ?? 1,
      opensAt: fields.opensAt ?? new Date(Date.now() - 60_000),
      closesAt: fields.closesAt ?? null,
      resultsVisibility: fields.resultsVisibility ?? "ALWAYS",
      allowChange: fields.allowChange ?? true,
      placements: [],
      options: {
        create: Array.from({ length: optionCount }, (_, i) => ({ key: `option-${i}`, labelZh: `选项 ${i}`, labelEn: `Option ${i}`, position: i })),
      },
    },
    select: { id: true, essayId: true, options: { select: { id: true }, orderBy: { position: "asc" } } },
  });
}

/** The stored counts next to the counts recomputed from the ballots: they must always agree. */
export async function countsOf(db: Db, pollId: string) {
  const poll = await db.poll.findUniqueOrThrow({
    where: { id: pollId },
    select: { voterCount: true, options: { select: { id: true, voteCount: true }, orderBy: { position: "asc" } } },
  });
  const ballots = await db.ballot.count({ where: { pollId } });
  const choices = await db.ballotChoice.groupBy({ by: ["optionId"], where: { ballot: { pollId } }, _count: { _all: true } });
  const actual = new Map(choices.map((c) => [c.optionId, c._count._all]));
  return {
    stored: { voters: poll.voterCount, options: poll.options.map((o) => o.voteCount) },
    actual: { voters: ballots, options: poll.options.map((o) => actual.get(o.id) ?? 0) },
  };
}
