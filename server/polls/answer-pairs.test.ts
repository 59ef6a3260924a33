/**
 * The breakdown's maintained cross-tab (PollAnswerPair, kept by triggers on BallotChoice) always
 * equals the pairs counted from the ballots themselves, whatever writes them: votes, changes and
 * withdrawals through the procedures, readers answering two polls at the same moment, a reader's
 * account deleted, a poll deleted, and set-based inserts like the bench seed's. On PGlite and,
 * with TEST_DATABASE_URL, on PostgreSQL, where the ballots really run side by side.
 */
import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { createTestEssay, createTestPoll } from "./testing/poll-fixture.ts";

let db: Db;
useTestDatabase({ setup: async (opened) => void (db = opened) });

type Pairs = Record<string, number>;

/** The maintained cells, non-zero ones, keyed "smaller|larger" option id. */
async function maintainedPairs(): Promise<Pairs> {
  const rows = await db.$queryRaw<Array<{ a: string; b: string; n: number }>>`
    SELECT "optionId" AS a, "otherOptionId" AS b, "voters" AS n FROM "PollAnswerPair" WHERE "voters" <> 0`;
  return Object.fromEntries(rows.map((r) => [`${r.a}|${r.b}`, Number(r.n)]));
}

/** The same cells counted from the ballots: the join the breakdown used to run on every request. */
async function countedPairs(): Promise<Pairs> {
  const rows = await db.$queryRaw<Array<{ a: string; b: string; n: number }>>`
    SELECT c1."optionId" AS a, c2."optionId" AS b, count(*)::int AS n
    FROM "Ballot" b1
    JOIN "Ballot" b2 ON b2."userId" = b1."userId" AND b2."pollId" <> b1."pollId"
    JOIN "Poll" p1 ON p1.id = b1."pollId"
    JOIN "Poll" p2 ON p2.id = b2."pollId" AND p2."essayId" = p1."essayId"
    JOIN "BallotChoice" c1 ON c1."ballotId" = b1.id
    JOIN "BallotChoice" c2 ON c2."ballotId" = b2.id
    WHERE c1."optionId" < c2."optionId"
    GROUP BY 1, 2`;
  return Object.fromEntries(rows.map((r) => [`${r.a}|${r.b}`, Number(r.n)]));
}

async function threePolls() {
  const essayId = await createTestEssay(db);
  const main = await createTestPoll(db, { essayId, options: 4 });
  const generation = await createTestPoll(db, { essayId, options: 5 });
  const several = await createTestPoll(db, { essayId, kind: "MULTIPLE", maxChoices: 3, options: 5 });
  const elsewhere = await createTestPoll(db); // another essay: never paired with these
  return { main, generation, several, elsewhere };
}

const ids = (poll: { options: Array<{ id: string }> }) => poll.options.map((o) => o.id);

describe("the breakdown's cross-tab", () => {
  it("equals the pairs counted from the ballots after votes, changes and withdrawals, and the breakdown reads it", async () => {
    const { main, generation, several, elsewhere } = await threePolls();
    const readers = await Promise.all(Array.from({ length: 12 }, () => createTestUser(db)));
    const vote = (reader: SessionUser, pollId: string, optionIds: string[]) => createTestCaller({ db, user: reader }).polls.vote({ pollId, optionIds });

    for (const [i, reader] of readers.entries()) {
      await vote(reader, main.id, [ids(main)[i % 4]!]);
      if (i % 3 !== 0) await vote(reader, generation.id, [ids(generation)[i % 5]!]);
      if (i % 2 === 0) await vote(reader, several.id, [ids(several)[i % 5]!, ids(several)[(i + 2) % 5]!]);
      await vote(reader, elsewhere.id, [ids(elsewhere)[0]!]);
    }
    // Changes: a single choice moved, a multiple choice swapped in part; withdrawals.
    await vote(readers[1]!, main.id, [ids(main)[3]!]);
    await vote(readers[2]!, several.id, [ids(several)[2]!, ids(several)[4]!, ids(several)[0]!]);
    await createTestCaller({ db, user: readers[4]! }).polls.withdraw({ pollId: generation.id });
    await createTestCaller({ db, user: readers[5]! }).polls.withdraw({ pollId: main.id });
    await vote(readers[5]!, main.id, [ids(main)[0]!]);

    expect(await maintainedPairs()).toEqual(await countedPairs());
    expect(Object.keys(await maintainedPairs()).some((key) => ids(elsewhere).some((id) => key.includes(id)))).toBe(false);

    // Readers 1, 2, 4, 5, 7, 8, 10, 11 answered both; reader 4 withdrew from the generation poll.
    const breakdown = await createTestCaller({ db, user: null }).polls.breakdown({ pollId: main.id, byPollId: generation.id });
    const counted = await countedPairs();
    const expected = ids(main).map((row) => ids(generation).map((column) => counted[[row, column].sort().join("|")] ?? 0));
    expect(breakdown.visible && breakdown.rows).toEqual(ids(main));
    expect(expected.flat().reduce((a, b) => a + b, 0)).toBe(7);
    // Every group is under 5 here, so every cell is suppressed; the exact counts are compared above.
    expect(breakdown.visible && breakdown.cells.flat().every((cell) => cell.kind === "fewerThan")).toBe(true);
  });

  it("stays exact when readers answer two polls at the same moment and change their answers", async () => {
    const { main, generation } = await threePolls();
    const readers = await Promise.all(Array.from({ length: 60 }, () => createTestUser(db)));
    await Promise.all(
      readers.flatMap((reader, i) => {
        const caller = createTestCaller({ db, user: reader });
        return [
          caller.polls.vote({ pollId: main.id, optionIds: [ids(main)[i % 4]!] }),
          caller.polls.vote({ pollId: generation.id, optionIds: [ids(generation)[i % 5]!] }),
          caller.polls.vote({ pollId: main.id, optionIds: [ids(main)[(i + 1) % 4]!] }),
        ];
      }),
    );
    expect(await maintainedPairs()).toEqual(await countedPairs());
    const mine = Object.entries(await maintainedPairs()).filter(([key]) => ids(main).some((id) => key.includes(id)));
    expect(mine.reduce((sum, [, n]) => sum + n, 0)).toBe(60);
  });

  it("forgets a deleted reader's answers and a deleted poll's pairs", async () => {
    const { main, generation, several } = await threePolls();
    const readers = await Promise.all(Array.from({ length: 6 }, () => createTestUser(db)));
    for (const [i, reader] of readers.entries()) {
      const caller = createTestCaller({ db, user: reader });
      await caller.polls.vote({ pollId: main.id, optionIds: [ids(main)[i % 2]!] });
      await caller.polls.vote({ pollId: generation.id, optionIds: [ids(generation)[0]!] });
      await caller.polls.vote({ pollId: several.id, optionIds: [ids(several)[1]!, ids(several)[3]!] });
    }
    await db.user.delete({ where: { id: readers[0]!.id } });
    expect(await maintainedPairs()).toEqual(await countedPairs());
    await db.poll.delete({ where: { id: several.id } });
    expect(await maintainedPairs()).toEqual(await countedPairs());
    const cell = [ids(main)[1]!, ids(generation)[0]!].sort().join("|");
    expect((await maintainedPairs())[cell]).toBe(3);
  });

  it("counts ballots written in bulk, both polls' choices in one statement, as the bench seed does", async () => {
    const { main, generation } = await threePolls();
    const readers = await Promise.all(Array.from({ length: 8 }, () => createTestUser(db)));
    await db.ballot.createMany({
      data: readers.flatMap((reader, i) => [
        { id: `bulk-m-${i}-${main.id}`, pollId: main.id, userId: reader.id },
        { id: `bulk-g-${i}-${main.id}`, pollId: generation.id, userId: reader.id },
      ]),
    });
    await db.ballotChoice.createMany({
      data: readers.flatMap((_, i) => [
        { ballotId: `bulk-m-${i}-${main.id}`, optionId: ids(main)[i % 4]! },
        { ballotId: `bulk-g-${i}-${main.id}`, optionId: ids(generation)[i % 3]! },
      ]),
    });
    expect(await maintainedPairs()).toEqual(await countedPairs());
    await db.ballotChoice.deleteMany({ where: { ballotId: { in: readers.map((_, i) => `bulk-m-${i}-${main.id}`) } } });
    expect(await maintainedPairs()).toEqual(await countedPairs());
  });
});
