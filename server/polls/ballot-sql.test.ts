/**
 * The ballot function's shortcut for readers who have answered no other poll of the essay
 * (migration …_ballot_fewer_statements): it skips the cross-tab's locks and tells the cross-tab's
 * triggers to skip their join, because such a ballot pairs with nothing. These tests hold the
 * breakdown exact across that shortcut: a reader's later answer on another poll pairs with the
 * choice they made while unpaired, a change made while unpaired leaves no stale cell, and the
 * shortcut ends with the ballot's own statement, so choices written after it in the same
 * transaction are counted as before. answer-pairs.test.ts covers every other writer.
 */
import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { castBallotStatement } from "./ballot-sql.ts";
import { countsOf, createTestEssay, createTestPoll } from "./testing/poll-fixture.ts";

let db: Db;
useTestDatabase({ setup: async (opened) => void (db = opened) });

/** The maintained cells of these options that are not zero, keyed "smaller|larger" option id. */
async function maintainedPairs(optionIds: string[]): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<Array<{ a: string; b: string; n: number }>>`
    SELECT "optionId" AS a, "otherOptionId" AS b, "voters" AS n FROM "PollAnswerPair" WHERE "voters" <> 0 AND "optionId" = ANY (${optionIds}::text[])`;
  return Object.fromEntries(rows.map((r) => [`${r.a}|${r.b}`, Number(r.n)]));
}

const cell = (a: string, b: string) => [a, b].sort().join("|");

async function twoPolls() {
  const essayId = await createTestEssay(db);
  const main = await createTestPoll(db, { essayId, options: 4 });
  const generation = await createTestPoll(db, { essayId, options: 5 });
  const [m, g] = [main.options.map((o) => o.id), generation.options.map((o) => o.id)];
  return { main, generation, m, g, pairs: () => maintainedPairs([...m, ...g]) };
}

const vote = (reader: SessionUser, pollId: string, optionIds: string[]) => createTestCaller({ db, user: reader }).polls.vote({ pollId, optionIds });

describe("a ballot by a reader who has answered no other poll of the essay", () => {
  it("is paired later with their answer to the other poll, after a change made while unpaired", async () => {
    const { main, generation, m, g, pairs } = await twoPolls();
    const reader = await createTestUser(db);

    const first = await vote(reader, main.id, [m[0]!]);
    expect(first.changed).toBe(true);
    expect(await pairs()).toEqual({});
    // A change while still unpaired: the old choice leaves, the new one counts.
    await vote(reader, main.id, [m[2]!]);
    const counts = await countsOf(db, main.id);
    expect(counts.stored).toEqual({ voters: 1, options: [0, 0, 1, 0] });
    expect(counts.stored).toEqual(counts.actual);
    expect(await pairs()).toEqual({});

    await vote(reader, generation.id, [g[1]!]);
    expect(await pairs()).toEqual({ [cell(m[2]!, g[1]!)]: 1 });
    // Now paired: a change moves the cell.
    await vote(reader, main.id, [m[3]!]);
    expect(await pairs()).toEqual({ [cell(m[3]!, g[1]!)]: 1 });
  });

  it("ends with its own statement: choices written afterwards in the same transaction are counted", async () => {
    const { main, generation, m, g, pairs } = await twoPolls();
    const [alone, other] = [await createTestUser(db), await createTestUser(db)];
    await vote(other, main.id, [m[1]!]);

    await db.$transaction(async (tx) => {
      const cast = await castBallotStatement(tx, { pollId: main.id, userId: alone.id, optionIds: [m[0]!], now: new Date(), mayChange: false });
      expect(cast.outcome).toBe("changed");
      // Written directly, as a seed or a fixture would: the triggers must pair it with m[1].
      const ballot = await tx.ballot.create({ data: { pollId: generation.id, userId: other.id }, select: { id: true } });
      await tx.ballotChoice.create({ data: { ballotId: ballot.id, optionId: g[4]! } });
    });

    expect(await pairs()).toEqual({ [cell(m[1]!, g[4]!)]: 1 });
  });

  it("keeps counts and the cross-tab exact when many readers answer one poll, then the other, all at once", async () => {
    const { main, generation, m, g, pairs } = await twoPolls();
    const readers = await Promise.all(Array.from({ length: 30 }, () => createTestUser(db)));
    await Promise.all(readers.map((reader, i) => vote(reader, i % 2 ? main.id : generation.id, [i % 2 ? m[i % 4]! : g[i % 5]!])));
    await Promise.all(readers.map((reader, i) => vote(reader, i % 2 ? generation.id : main.id, [i % 2 ? g[i % 5]! : m[i % 4]!])));

    for (const poll of [main, generation]) {
      const counts = await countsOf(db, poll.id);
      expect(counts.stored.voters).toBe(30);
      expect(counts.stored).toEqual(counts.actual);
    }
    const expected: Record<string, number> = {};
    for (const [i] of readers.entries()) expected[cell(m[i % 4]!, g[i % 5]!)] = (expected[cell(m[i % 4]!, g[i % 5]!)] ?? 0) + 1;
    expect(await pairs()).toEqual(expected);
  });
});
