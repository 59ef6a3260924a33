/**
 * Ballots cast at the same moment: one reader's 500 concurrent votes leave exactly one ballot, and
 * many readers voting at once never lose a vote. Run on PGlite and, with TEST_DATABASE_URL, on
 * PostgreSQL, where the transactions really do run side by side.
 */
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client.ts";
import { countsOf, createTestPoll } from "@/server/polls/testing/poll-fixture.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";

let db: Db;
useTestDatabase({ setup: async (opened) => void (db = opened) });

function codeOf(outcome: PromiseSettledResult<unknown>): string {
  if (outcome.status === "fulfilled") return "OK";
  return outcome.reason instanceof TRPCError ? outcome.reason.code : `unexpected: ${String(outcome.reason)}`;
}

describe("concurrent ballots", () => {
  it("500 identical ballots by one reader at once: one ballot, counted once", async () => {
    const poll = await createTestPoll(db);
    const reader = await createTestUser(db);
    const caller = createTestCaller({ db, user: reader });
    const option = poll.options[1]!.id;

    const outcomes = await Promise.allSettled(Array.from({ length: 500 }, () => caller.polls.vote({ pollId: poll.id, optionIds: [option] })));

    expect(new Set(outcomes.map(codeOf))).toEqual(new Set(["OK"]));
    expect(outcomes.filter((o) => o.status === "fulfilled" && (o.value as { changed: boolean }).changed)).toHaveLength(1);
    expect(await db.ballot.count({ where: { pollId: poll.id } })).toBe(1);
    expect(await countsOf(db, poll.id)).toEqual({ stored: { voters: 1, options: [0, 1, 0, 0] }, actual: { voters: 1, options: [0, 1, 0, 0] } });
  });

  it("500 different ballots by one reader at once: one ballot, the counts match it exactly", async () => {
    const poll = await createTestPoll(db, { kind: "MULTIPLE", maxChoices: 3, options: 6 });
    const reader = await createTestUser(db);
    const caller = createTestCaller({ db, user: reader });
    const ids = poll.options.map((o) => o.id);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 500 }, (_, i) => caller.polls.vote({ pollId: poll.id, optionIds: [ids[i % 6]!, ids[(i + 1 + (i % 4)) % 6]!].filter((v, j, a) => a.indexOf(v) === j) })),
    );

    // Changes beyond the rate limit are refused; nothing else may fail.
    expect([...new Set(outcomes.map(codeOf))].filter((code) => code !== "OK" && code !== "TOO_MANY_REQUESTS")).toEqual([]);
    expect(outcomes.filter((o) => o.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    expect(await db.ballot.count({ where: { pollId: poll.id } })).toBe(1);
    const counts = await countsOf(db, poll.id);
    expect(counts.stored).toEqual(counts.actual);
    expect(counts.stored.voters).toBe(1);
    const mine = await caller.polls.get({ pollId: poll.id });
    expect(counts.stored.options.reduce((a, b) => a + b, 0)).toBe(mine.myChoice!.length);
  });

  it("votes and withdrawals by one reader racing each other keep the counts exact", async () => {
    const poll = await createTestPoll(db);
    const reader = await createTestUser(db);
    const caller = createTestCaller({ db, user: reader });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        i % 2 === 0 ? caller.polls.vote({ pollId: poll.id, optionIds: [poll.options[i % 4]!.id] }) : caller.polls.withdraw({ pollId: poll.id }),
      ),
    );
    expect([...new Set(outcomes.map(codeOf))].filter((code) => code !== "OK" && code !== "TOO_MANY_REQUESTS")).toEqual([]);
    const counts = await countsOf(db, poll.id);
    expect(counts.stored).toEqual(counts.actual);
    expect(counts.stored.voters).toBeLessThanOrEqual(1);
  });

  it("200 readers voting at the same moment: every vote counted", async () => {
    const poll = await createTestPoll(db, { kind: "MULTIPLE", maxChoices: 2 });
    const readers = await Promise.all(Array.from({ length: 200 }, () => createTestUser(db)));
    const ids = poll.options.map((o) => o.id);

    // Opposite option orders in neighbouring ballots: the lock order must not depend on them.
    const outcomes = await Promise.allSettled(
      readers.map((user, i) =>
        createTestCaller({ db, user }).polls.vote({ pollId: poll.id, optionIds: i % 2 === 0 ? [ids[0]!, ids[1]!] : [ids[1]!, ids[0]!] }),
      ),
    );

    expect(new Set(outcomes.map(codeOf))).toEqual(new Set(["OK"]));
    expect(await countsOf(db, poll.id)).toEqual({ stored: { voters: 200, options: [200, 200, 0, 0] }, actual: { voters: 200, options: [200, 200, 0, 0] } });
  });

  it("100 readers changing their votes at once, in opposite directions: no deadlock, exact counts", async () => {
    const poll = await createTestPoll(db);
    const readers = await Promise.all(Array.from({ length: 100 }, () => createTestUser(db)));
    const ids = poll.options.map((o) => o.id);
    for (const [i, user] of readers.entries()) await createTestCaller({ db, user }).polls.vote({ pollId: poll.id, optionIds: [ids[i % 2]!] });

    const outcomes = await Promise.allSettled(
      readers.map((user, i) => createTestCaller({ db, user }).polls.vote({ pollId: poll.id, optionIds: [ids[(i + 1) % 2]!] })),
    );

    expect(new Set(outcomes.map(codeOf))).toEqual(new Set(["OK"]));
    expect(await countsOf(db, poll.id)).toEqual({ stored: { voters: 100, options: [50, 50, 0, 0] }, actual: { voters: 100, options: [50, 50, 0, 0] } });
  });
});
