/**
 * The kept poll results (kept-results.ts) through polls.results: a reader gets exactly what the
 * uncached read gives them, their own ballot (cast, changed, withdrawn) is in their very next
 * answer, other readers see it once the poll's event is out, and a moderator's change shows at once.
 */
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { pollChannel } from "@/server/live/channels.ts";
import { flushPollResultsChanged } from "@/server/live/poll-results-changed.ts";
import { getLiveBus } from "@/server/live/process-bus.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { forgetKeptPollResults, keptPollCounts } from "./kept-results.ts";
import { readPollCounts } from "./results-read.ts";
import { createTestPoll } from "./testing/poll-fixture.ts";

let db: Db;
useTestDatabase({ setup: async (opened) => void (db = opened) });

const callerFor = (user: SessionUser | null) => createTestCaller({ db, user });
const results = (user: SessionUser | null, pollId: string) => callerFor(user).polls.results({ pollId });

/** A ballot written straight into the database: no polls.vote, so no clear and no event. */
async function ballotWithoutEvent(pollId: string, userId: string, optionId: string): Promise<void> {
  await db.$executeRaw`SELECT "poll_cast_ballot"(${pollId}, ${userId}, ARRAY[${optionId}]::text[], now()::timestamp(3), true)`;
}

describe("kept poll results", () => {
  it("give every reader what the uncached read gives them, and serve a repeated read without a query", async () => {
    const poll = await createTestPoll(db, { resultsVisibility: "AFTER_VOTING" });
    const [alice, bob, carol] = [await createTestUser(db), await createTestUser(db), await createTestUser(db)];
    const moderator = await createTestUser(db, { role: "MODERATOR" });
    await callerFor(alice).polls.vote({ pollId: poll.id, optionIds: [poll.options[0]!.id] });
    await callerFor(bob).polls.vote({ pollId: poll.id, optionIds: [poll.options[1]!.id] });
    await flushPollResultsChanged();

    for (const user of [null, alice, bob, carol, moderator]) {
      const kept = await keptPollCounts(db, poll.id, user?.id ?? null);
      expect(kept).toEqual(await readPollCounts(db, poll.id, user?.id ?? null));
    }
    // Carol has not voted: hidden, and no counts in her answer; Alice sees hers and the totals.
    expect(await results(carol, poll.id)).toEqual({ pollId: poll.id, visible: false, reason: "afterVoting", myChoice: null });
    expect(await results(alice, poll.id)).toMatchObject({ visible: true, voterCount: 2, myChoice: [poll.options[0]!.id] });
    expect(await results(moderator, poll.id)).toMatchObject({ visible: true, voterCount: 2, myChoice: null });

    const queries = vi.spyOn(db, "$queryRaw");
    try {
      expect(await results(alice, poll.id)).toMatchObject({ visible: true, voterCount: 2, myChoice: [poll.options[0]!.id] });
      expect(await results(null, poll.id)).toMatchObject({ visible: false, reason: "afterVoting" });
      expect(queries).not.toHaveBeenCalled();
    } finally {
      queries.mockRestore();
    }
  });

  it("show a reader's own ballot, change and withdrawal in their very next answer, before the poll's event is out", async () => {
    const poll = await createTestPoll(db, { resultsVisibility: "AFTER_VOTING", options: 2 });
    const [voter, other] = [await createTestUser(db), await createTestUser(db)];
    const [first, second] = [poll.options[0]!.id, poll.options[1]!.id];
    await callerFor(other).polls.vote({ pollId: poll.id, optionIds: [first] });
    await flushPollResultsChanged();
    // Kept before the ballot: hidden from the voter, two readers' worth of counts for everyone.
    expect(await results(voter, poll.id)).toMatchObject({ visible: false, myChoice: null });
    expect(await results(other, poll.id)).toMatchObject({ voterCount: 1 });

    // The ping of a ballot may wait up to 250 ms (coalesced); the voter's next read must not.
    await callerFor(voter).polls.vote({ pollId: poll.id, optionIds: [first] });
    expect(await results(voter, poll.id)).toMatchObject({ visible: true, voterCount: 2, options: [{ id: first, votes: 2 }, { id: second, votes: 0 }], myChoice: [first] });

    await callerFor(voter).polls.vote({ pollId: poll.id, optionIds: [second] });
    expect(await results(voter, poll.id)).toMatchObject({ voterCount: 2, options: [{ id: first, votes: 1 }, { id: second, votes: 1 }], myChoice: [second] });

    await callerFor(voter).polls.withdraw({ pollId: poll.id });
    expect(await results(voter, poll.id)).toMatchObject({ visible: false, myChoice: null });
    // Others on this server read afresh too (the clear is per poll, not per voter).
    expect(await results(other, poll.id)).toMatchObject({ voterCount: 1, options: [{ id: first, votes: 1 }, { id: second, votes: 0 }], myChoice: [first] });
    await flushPollResultsChanged();
  });

  it("read afresh after any event on the poll's channel (a ballot on another server), and only for that poll", async () => {
    const [poll, untouched] = [await createTestPoll(db), await createTestPoll(db)];
    const [reader, elsewhere] = [await createTestUser(db), await createTestUser(db)];
    expect(await results(reader, poll.id)).toMatchObject({ voterCount: 0, myChoice: null });
    expect(await results(reader, untouched.id)).toMatchObject({ voterCount: 0 });

    // Another server's ballot: the rows change here without a local clear, then its event arrives.
    await ballotWithoutEvent(poll.id, elsewhere.id, poll.options[2]!.id);
    await ballotWithoutEvent(untouched.id, elsewhere.id, untouched.options[0]!.id);
    expect(await results(reader, poll.id)).toMatchObject({ voterCount: 0 }); // kept: the event is not out yet
    await getLiveBus().publish(db, pollChannel(poll.id), { type: "results-changed" });
    expect(await results(reader, poll.id)).toMatchObject({ voterCount: 1, options: [{ votes: 0 }, { votes: 0 }, { votes: 1 }, { votes: 0 }] });
    expect(await results(null, poll.id)).toMatchObject({ voterCount: 1 });
    // The other poll had no event: still kept (it would show within the second of maxAgeMs).
    expect(await results(reader, untouched.id)).toMatchObject({ voterCount: 0 });
    forgetKeptPollResults();
    expect(await results(reader, untouched.id)).toMatchObject({ voterCount: 1 });
  });

  it("show a moderator's change of the results visibility in every reader's next answer", async () => {
    const poll = await createTestPoll(db);
    const [reader, moderator] = [await createTestUser(db), await createTestUser(db, { role: "MODERATOR" })];
    expect(await results(reader, poll.id)).toMatchObject({ visible: true });
    expect(await results(null, poll.id)).toMatchObject({ visible: true });
    await callerFor(moderator).polls.moderation.setVisibility({ pollId: poll.id, resultsVisibility: "MODERATORS" });
    expect(await results(reader, poll.id)).toMatchObject({ visible: false, reason: "moderators" });
    expect(await results(null, poll.id)).toMatchObject({ visible: false, reason: "moderators" });
    expect(await results(moderator, poll.id)).toMatchObject({ visible: true });
  });

  it("do not keep a read that began before a clear", async () => {
    const poll = await createTestPoll(db);
    const [reader, elsewhere] = [await createTestUser(db), await createTestUser(db)];
    const early = keptPollCounts(db, poll.id, reader.id); // in flight while the ballot lands
    await ballotWithoutEvent(poll.id, elsewhere.id, poll.options[0]!.id);
    await getLiveBus().publish(db, pollChannel(poll.id), { type: "results-changed" });
    await early;
    expect(await keptPollCounts(db, poll.id, reader.id)).toMatchObject({ voterCount: 1 });
    expect(await keptPollCounts(db, poll.id, null)).toMatchObject({ voterCount: 1 });
  });
});
