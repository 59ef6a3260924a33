/**
 * polls.overTime on a real database: the daily net tallies (inserted directly, as the ballot
 * transactions write them) become cumulative counts by day, quiet days carry no numbers, and the
 * results visibility of the poll applies.
 */
import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { createTestPoll } from "@/server/polls/testing/poll-fixture.ts";
import { utcDay } from "@/server/polls/over-time.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { refusal } from "@/server/test/refusal.ts";

let db: Db;
useTestDatabase({ setup: async (opened) => void (db = opened) });

const callerFor = (user: SessionUser | null, locale: AppLocale = "zh") => createTestCaller({ db, user, locale });
const dayMs = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * dayMs);
const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);

/** Daily nets as the ballot transactions keep them: [days ago, voters, per option…]. */
async function insertDaily(poll: { id: string; options: { id: string }[] }, nets: [number, number, ...number[]][]) {
  for (const [ago, voters, ...options] of nets) {
    const day = dateOf(utcDay(daysAgo(ago)));
    await db.pollDailyVoters.create({ data: { pollId: poll.id, day, net: voters } });
    await db.pollOptionDaily.createMany({ data: options.map((net, i) => ({ optionId: poll.options[i]!.id, day, net })) });
  }
}

describe("polls.overTime", () => {
  it("gives every day since opening, cumulative counts and shares on busy days, none on quiet ones", async () => {
    const poll = await createTestPoll(db, { options: 3, opensAt: daysAgo(4) });
    await insertDaily(poll, [
      [4, 8, 5, 3, 0],
      [3, 1, 0, 0, 1], // one ballot: merged into the next shown day
      [1, 6, 2, 0, 4],
    ]);
    const output = await callerFor(null).polls.overTime({ pollId: poll.id });
    if (!output.visible) throw new Error("expected visible results");
    expect(output.threshold).toBe(5);
    expect(output.days.map((d) => d.day)).toEqual([4, 3, 2, 1, 0].map((n) => utcDay(daysAgo(n))));
    expect(output.days.map((d) => d.kind)).toEqual(["shown", "merged", "merged", "shown", "merged"]);
    const last = output.days[3]!;
    expect(last).toEqual({
      day: utcDay(daysAgo(1)),
      kind: "shown",
      voters: 15,
      options: [
        { id: poll.options[0]!.id, votes: 7, share: 7 / 15 },
        { id: poll.options[1]!.id, votes: 3, share: 3 / 15 },
        { id: poll.options[2]!.id, votes: 5, share: 5 / 15 },
      ],
    });
  });

  it("shows no numbers while fewer than 5 readers have voted", async () => {
    const poll = await createTestPoll(db, { options: 2, opensAt: daysAgo(1) });
    await insertDaily(poll, [[1, 4, 3, 1]]);
    const output = await callerFor(null).polls.overTime({ pollId: poll.id });
    expect(output.visible && output.days.map((d) => d.kind)).toEqual(["fewVoters", "fewVoters"]);
  });

  it("ignores other polls' tallies and ends on the closing day", async () => {
    const poll = await createTestPoll(db, { options: 2, opensAt: daysAgo(5), closesAt: daysAgo(3) });
    const other = await createTestPoll(db, { options: 2, opensAt: daysAgo(5) });
    await insertDaily(poll, [[5, 5, 5, 0]]);
    await insertDaily(other, [[5, 50, 25, 25]]);
    const output = await callerFor(null).polls.overTime({ pollId: poll.id });
    if (!output.visible) throw new Error("expected visible results");
    expect(output.days.map((d) => d.day)).toEqual([5, 4, 3].map((n) => utcDay(daysAgo(n))));
    expect(output.days[0]).toMatchObject({ kind: "shown", voters: 5 });
  });

  it("is empty before the poll opens", async () => {
    const poll = await createTestPoll(db, { opensAt: new Date(Date.now() + dayMs) });
    expect(await callerFor(null).polls.overTime({ pollId: poll.id })).toEqual({ pollId: poll.id, visible: true, threshold: 5, days: [] });
  });

  it("follows the poll's results visibility, as polls.results does", async () => {
    const reader = await createTestUser(db);
    const moderator = await createTestUser(db, { role: "MODERATOR" });
    for (const [mode, reason] of [["AFTER_VOTING", "afterVoting"], ["AFTER_CLOSING", "afterClosing"], ["MODERATORS", "moderators"]] as const) {
      const poll = await createTestPoll(db, { resultsVisibility: mode });
      expect(await callerFor(reader).polls.overTime({ pollId: poll.id })).toEqual({ pollId: poll.id, visible: false, reason });
      expect((await callerFor(moderator).polls.overTime({ pollId: poll.id })).visible).toBe(true);
      if (mode === "AFTER_VOTING") {
        await callerFor(reader).polls.vote({ pollId: poll.id, optionIds: [poll.options[0]!.id] });
        expect((await callerFor(reader).polls.overTime({ pollId: poll.id })).visible).toBe(true);
        expect((await callerFor(null).polls.overTime({ pollId: poll.id })).visible).toBe(false);
      }
    }
  });

  it("answers NOT_FOUND for an unknown poll, translated", async () => {
    expect(await refusal(() => callerFor(null, "en").polls.overTime({ pollId: "nope" }), "en")).toMatchObject({
      code: "NOT_FOUND",
      message: "That poll could not be found.",
    });
  });
});
