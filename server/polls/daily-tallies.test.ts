/**
 * The over-time tallies kept by ballots: after any mix of votes, changes and withdrawals over
 * several days, each option's daily nets sum to its count and the daily voter nets to the voters,
 * also when ballots race each other.
 */
import { describe, expect, it } from "vitest";
import { castBallot } from "@/server/api/routers/polls/cast-ballot.ts";
import { withdrawBallot } from "@/server/api/routers/polls/withdraw-ballot.ts";
import type { Db } from "@/server/db/client.ts";
import type { RateLimiter } from "@/server/rate-limit/rate-limiter.ts";
import { countsOf, createTestPoll } from "@/server/polls/testing/poll-fixture.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { utcDay } from "./daily-tallies.ts";

let db: Db;
useTestDatabase({ setup: async (opened) => void (db = opened) });

const unlimited: RateLimiter = { consume: async () => ({ allowed: true }) };

/** The daily nets summed per option (in the poll's option order) and for the voters, and the days seen. */
async function talliesOf(pollId: string, optionIds: string[]) {
  const options = await db.pollOptionDaily.findMany({ where: { optionId: { in: optionIds } }, select: { optionId: true, day: true, net: true } });
  const voters = await db.pollDailyVoters.findMany({ where: { pollId }, select: { day: true, net: true } });
  return {
    options: optionIds.map((id) => options.filter((row) => row.optionId === id).reduce((sum, row) => sum + row.net, 0)),
    voters: voters.reduce((sum, row) => sum + row.net, 0),
    days: [...new Set([...options, ...voters].map((row) => row.day.toISOString().slice(0, 10)))].sort(),
  };
}

describe("daily tallies", () => {
  it("utcDay is the UTC calendar day, whatever the server's zone", () => {
    expect(utcDay(new Date("2026-03-01T23:30:00-05:00"))).toBe("2026-03-02");
    expect(utcDay(new Date("2026-03-01T00:00:00Z"))).toBe("2026-03-01");
  });

  it("sum to the current counts after votes, changes and withdrawals over three days", async () => {
    const poll = await createTestPoll(db, { kind: "MULTIPLE", maxChoices: 2, opensAt: new Date("2026-01-01T00:00:00Z") });
    const ids = poll.options.map((o) => o.id);
    const readers = await Promise.all(Array.from({ length: 6 }, () => createTestUser(db)));
    const day = (n: number, hour = 12) => new Date(Date.UTC(2026, 0, n, hour));
    const options = (now: Date) => ({ now, limiter: unlimited });

    // Day 1: four readers vote.
    await castBallot(db, readers[0]!, { pollId: poll.id, optionIds: [ids[0]!] }, options(day(1)));
    await castBallot(db, readers[1]!, { pollId: poll.id, optionIds: [ids[0]!, ids[1]!] }, options(day(1)));
    await castBallot(db, readers[2]!, { pollId: poll.id, optionIds: [ids[2]!] }, options(day(1)));
    await castBallot(db, readers[3]!, { pollId: poll.id, optionIds: [ids[3]!] }, options(day(1, 23)));
    // Day 2: a change, a withdrawal, a new voter, an unchanged re-vote.
    await castBallot(db, readers[1]!, { pollId: poll.id, optionIds: [ids[1]!, ids[2]!] }, options(day(2)));
    await withdrawBallot(db, readers[2]!, poll.id, options(day(2)));
    await castBallot(db, readers[4]!, { pollId: poll.id, optionIds: [ids[3]!] }, options(day(2)));
    await castBallot(db, readers[0]!, { pollId: poll.id, optionIds: [ids[0]!] }, options(day(2)));
    // Day 3: the withdrawn reader comes back, another withdraws, a withdrawal of nothing.
    await castBallot(db, readers[2]!, { pollId: poll.id, optionIds: [ids[0]!, ids[3]!] }, options(day(3)));
    await withdrawBallot(db, readers[3]!, poll.id, options(day(3)));
    await withdrawBallot(db, readers[5]!, poll.id, options(day(3)));

    const counts = await countsOf(db, poll.id);
    expect(counts.stored).toEqual(counts.actual);
    const tallies = await talliesOf(poll.id, ids);
    expect(tallies.options).toEqual(counts.stored.options);
    expect(tallies.voters).toBe(counts.stored.voters);
    expect(tallies.days).toEqual(["2026-01-01", "2026-01-02", "2026-01-03"]);

    // Day 1 alone: what the over-time chart shows for that day.
    const dayOne = await db.pollDailyVoters.findUniqueOrThrow({ where: { pollId_day: { pollId: poll.id, day: new Date("2026-01-01") } }, select: { net: true } });
    expect(dayOne.net).toBe(4);
  });

  it("sum to the current counts when many readers vote, change and withdraw at once", async () => {
    const poll = await createTestPoll(db);
    const ids = poll.options.map((o) => o.id);
    const readers = await Promise.all(Array.from({ length: 40 }, () => createTestUser(db)));
    await Promise.all(readers.map((reader, i) => createTestCaller({ db, user: reader }).polls.vote({ pollId: poll.id, optionIds: [ids[i % 4]!] })));
    await Promise.allSettled(
      readers.map((reader, i) => {
        const caller = createTestCaller({ db, user: reader });
        if (i % 3 === 0) return caller.polls.withdraw({ pollId: poll.id });
        if (i % 3 === 1) return caller.polls.vote({ pollId: poll.id, optionIds: [ids[(i + 1) % 4]!] });
        return caller.polls.vote({ pollId: poll.id, optionIds: [ids[i % 4]!] });
      }),
    );
    const counts = await countsOf(db, poll.id);
    expect(counts.stored).toEqual(counts.actual);
    const tallies = await talliesOf(poll.id, ids);
    expect(tallies.options).toEqual(counts.stored.options);
    expect(tallies.voters).toBe(counts.stored.voters);
  });
});
