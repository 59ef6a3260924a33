/**
 * First ballots written together under load (first-ballots.ts, `poll_cast_first_ballots`): many
 * readers voting at once get the same answers and leave the same exact counts, daily tallies and
 * cross-tab as ballots written one by one, while the database sees fewer statements; ballots the
 * batch leaves alone (refusals, repeats, changes, readers who answered another poll) still get
 * their own answers. On PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { countsOf, createTestEssay, createTestPoll } from "./testing/poll-fixture.ts";

let db: Db;
useTestDatabase({ setup: async (opened) => void (db = opened) });
afterEach(() => vi.restoreAllMocks());

async function twoPolls() {
  const essayId = await createTestEssay(db);
  const main = await createTestPoll(db, { essayId, options: 4 });
  const generation = await createTestPoll(db, { essayId, options: 5 });
  return { main, generation, m: main.options.map((o) => o.id), g: generation.options.map((o) => o.id) };
}

const vote = (reader: SessionUser, pollId: string, optionIds: string[]) => createTestCaller({ db, user: reader }).polls.vote({ pollId, optionIds });

async function dailyTotals(pollId: string) {
  const [voters] = await db.$queryRaw<Array<{ n: number }>>`SELECT coalesce(sum("net"), 0)::int AS n FROM "PollDailyVoters" WHERE "pollId" = ${pollId}`;
  const [votes] = await db.$queryRaw<Array<{ n: number }>>`
    SELECT coalesce(sum(d."net"), 0)::int AS n FROM "PollOptionDaily" d JOIN "PollOption" o ON o.id = d."optionId" WHERE o."pollId" = ${pollId}`;
  return { voters: Number(voters?.n), votes: Number(votes?.n) };
}

describe("first ballots cast at the same moment", () => {
  it("are written in fewer statements, each reader answered with their own choice, every count exact", async () => {
    const { main, generation, m, g } = await twoPolls();
    const readers = await Promise.all(Array.from({ length: 60 }, () => createTestUser(db)));
    const queries = vi.spyOn(db, "$queryRaw");

    const answers = await Promise.all(readers.map((reader, i) => (i % 2 ? vote(reader, main.id, [m[i % 4]!]) : vote(reader, generation.id, [g[i % 5]!]))));

    expect(queries.mock.calls.length).toBeLessThan(readers.length);
    for (const [i, answer] of answers.entries()) {
      expect(answer.changed).toBe(true);
      expect(answer.results.myChoice).toEqual([i % 2 ? m[i % 4]! : g[i % 5]!]);
      // Counted in the answer: the counts as of its batch, the reader's own ballot included.
      expect(answer.results.visible && answer.results.voterCount).toBeGreaterThanOrEqual(1);
    }
    for (const poll of [main, generation]) {
      const counts = await countsOf(db, poll.id);
      expect(counts.stored.voters).toBe(30);
      expect(counts.stored).toEqual(counts.actual);
      expect(await dailyTotals(poll.id)).toEqual({ voters: 30, votes: 30 });
    }
  });

  it("answer refusals, repeats, changes and second polls as single ballots do, in the same rush", async () => {
    const { main, generation, m, g } = await twoPolls();
    const [repeater, changer, second, ...fresh] = await Promise.all(Array.from({ length: 23 }, () => createTestUser(db)));
    await vote(repeater!, main.id, [m[0]!]);
    await vote(changer!, main.id, [m[0]!]);
    await vote(second!, main.id, [m[1]!]);

    const [repeat, change, secondPoll, wrongOption, ...firsts] = await Promise.allSettled([
      vote(repeater!, main.id, [m[0]!]),
      vote(changer!, main.id, [m[3]!]),
      vote(second!, generation.id, [g[2]!]),
      vote(fresh[0]!, main.id, [g[0]!]),
      ...fresh.slice(1).map((reader, i) => vote(reader, main.id, [m[i % 4]!])),
    ]);

    expect(repeat.status === "fulfilled" && repeat.value.changed).toBe(false);
    expect(change.status === "fulfilled" && change.value.results.myChoice).toEqual([m[3]!]);
    expect(secondPoll.status === "fulfilled" && secondPoll.value.results.myChoice).toEqual([g[2]!]);
    expect(wrongOption.status === "rejected" && (wrongOption.reason as { code?: string }).code).toBe("BAD_REQUEST");
    expect(firsts.every((f) => f.status === "fulfilled" && f.value.changed)).toBe(true);

    const counts = await countsOf(db, main.id);
    expect(counts.stored.voters).toBe(3 + 19);
    expect(counts.stored).toEqual(counts.actual);
    const [pair] = await db.$queryRaw<Array<{ n: number }>>`
      SELECT "voters" AS n FROM "PollAnswerPair" WHERE "optionId" = ${[m[1]!, g[2]!].sort()[0]!} AND "otherOptionId" = ${[m[1]!, g[2]!].sort()[1]!}`;
    expect(Number(pair?.n)).toBe(1);
  });

  it("lets one reader's many simultaneous first ballots count once", async () => {
    const { main, m } = await twoPolls();
    const reader = await createTestUser(db);
    const others = await Promise.all(Array.from({ length: 10 }, () => createTestUser(db)));
    const answers = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => vote(reader, main.id, [m[0]!]).then((a) => ({ mine: true, i, a }))),
      ...others.map((other, i) => vote(other, main.id, [m[1]!]).then((a) => ({ mine: false, i, a }))),
    ]);
    expect(answers.filter((x) => x.mine && x.a.changed)).toHaveLength(1);
    const counts = await countsOf(db, main.id);
    expect(counts.stored).toEqual({ voters: 11, options: [1, 10, 0, 0] });
    expect(counts.stored).toEqual(counts.actual);
  });
});
