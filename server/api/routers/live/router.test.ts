/**
 * The live subscriptions through the router (the caller returns their async iterables): what
 * each streams, to whom, from which id, and what it refuses.
 */
import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root.ts";
import type { CommentEvent } from "@/server/api/routers/comments/schemas.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { commentsChannel, notificationsChannel, publishLiveEvent } from "@/server/live/publish.ts";
import { createTestEssay, createTestPoll } from "@/server/polls/testing/poll-fixture.ts";
import { createTestCaller, createTestContext, createTestUser } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { refusal } from "@/server/test/refusal.ts";

let db: Db;
useTestDatabase({ setup: async (opened) => void (db = opened) });

/** A caller whose subscriptions end when the returned controller aborts. */
function subscriber(user: SessionUser | null) {
  const controller = new AbortController();
  return { caller: createCaller(createTestContext({ db, user }), { signal: controller.signal }), stop: () => controller.abort() };
}

function iteratorOf<T>(iterable: AsyncIterable<T>): AsyncIterator<T> {
  return iterable[Symbol.asyncIterator]();
}

/** What the caller yields for a `tracked(id, data)` event. */
type Tracked<T> = [id: string, data: T];

/** Lets every pending promise and I/O callback run once: what a queued event needs to be processed. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function essayWithSlug() {
  const essayId = await createTestEssay(db);
  const { slug } = await db.essay.findUniqueOrThrow({ where: { id: essayId }, select: { slug: true } });
  return { essayId, slug };
}

function commentEvent(commentId: string, score: number): CommentEvent {
  return { type: "scores", scores: [{ commentId, score }] };
}

describe("live.poll", () => {
  it("pings a subscriber when someone votes; the ping carries no counts", async () => {
    const poll = await createTestPoll(db);
    const { caller, stop } = subscriber(null);
    // From the (new) poll's first event: the test cannot see when a stream without an id is open.
    const events = iteratorOf(await caller.live.poll({ pollId: poll.id, lastEventId: "0" }));
    const next = events.next();
    const voter = await createTestUser(db);
    await createTestCaller({ db, user: voter }).polls.vote({ pollId: poll.id, optionIds: [poll.options[0]!.id] });
    const { value } = (await next) as IteratorResult<Tracked<unknown>>;
    expect(value[1]).toEqual({ type: "results-changed" });
    expect(value[0]).toMatch(/^\d+$/);
    stop();
    expect((await events.next()).done).toBe(true);
  });

  it("sends readers nothing for a poll only moderators may see; moderators get the ping", async () => {
    const poll = await createTestPoll(db, { resultsVisibility: "MODERATORS" });
    const reader = subscriber(await createTestUser(db));
    const moderator = subscriber(await createTestUser(db, { role: "MODERATOR" }));
    const readerEvents = iteratorOf(await reader.caller.live.poll({ pollId: poll.id, lastEventId: "0" }));
    const moderatorEvents = iteratorOf(await moderator.caller.live.poll({ pollId: poll.id, lastEventId: "0" }));
    const readerNext = readerEvents.next();
    const moderatorNext = moderatorEvents.next();

    await createTestCaller({ db, user: await createTestUser(db) }).polls.vote({ pollId: poll.id, optionIds: [poll.options[1]!.id] });
    expect(((await moderatorNext).value as Tracked<unknown>)[1]).toEqual({ type: "results-changed" });
    await settle();
    reader.stop();
    moderator.stop();
    expect(await readerNext).toEqual({ done: true, value: undefined });
  });

  it("starts pinging a reader once a moderator makes the results public", async () => {
    const poll = await createTestPoll(db, { resultsVisibility: "MODERATORS" });
    const reader = subscriber(await createTestUser(db));
    const events = iteratorOf(await reader.caller.live.poll({ pollId: poll.id, lastEventId: "0" }));
    const next = events.next();

    await createTestCaller({ db, user: await createTestUser(db, { role: "MODERATOR" }) }).polls.moderation.setVisibility({ pollId: poll.id, resultsVisibility: "ALWAYS" });
    const { value } = (await next) as IteratorResult<Tracked<unknown>>;
    expect(value[1]).toEqual({ type: "results-changed" });
    reader.stop();
  });

  it("refuses an unknown poll and a malformed event id", async () => {
    const { caller, stop } = subscriber(null);
    const unknown = await refusal(async () => iteratorOf(await caller.live.poll({ pollId: "no-such-poll" })).next(), "en");
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.message).toBe("That poll could not be found.");
    const malformed = await refusal(() => caller.live.poll({ pollId: "x", lastEventId: "12; DROP" }));
    expect(malformed.code).toBe("BAD_REQUEST");
    stop();
  });
});

describe("live.comments", () => {
  it("streams an essay's comment events, resumes after an id, and drops malformed ones", async () => {
    const { essayId, slug } = await essayWithSlug();
    const other = await essayWithSlug();
    const first = await publishLiveEvent(db, commentsChannel(essayId), commentEvent("c1", 1));
    await publishLiveEvent(db, commentsChannel(essayId), commentEvent("c1", 2));
    await publishLiveEvent(db, commentsChannel(other.essayId), commentEvent("elsewhere", 9));

    const { caller, stop } = subscriber(null);
    const events = iteratorOf(await caller.live.comments({ slug, lastEventId: first.id }));
    const resumed = (await events.next()).value as Tracked<CommentEvent>;
    expect(resumed[1]).toEqual(commentEvent("c1", 2));

    const next = events.next();
    await publishLiveEvent(db, commentsChannel(essayId), { type: "scores", scores: [{ commentId: "c1" }] }); // no score: malformed
    await publishLiveEvent(db, commentsChannel(essayId), { type: "deleted", commentId: "c1", outcome: "tombstone" });
    expect(((await next).value as Tracked<CommentEvent>)[1]).toEqual({ type: "deleted", commentId: "c1", outcome: "tombstone" });
    stop();
  });

  it("refuses an essay that does not exist", async () => {
    const { caller, stop } = subscriber(null);
    const refused = await refusal(async () => iteratorOf(await caller.live.comments({ slug: "no-such-essay" })).next(), "en");
    expect(refused.code).toBe("NOT_FOUND");
    expect(refused.message).toBe("That essay could not be found.");
    stop();
  });
});

describe("live.notifications", () => {
  it("pings only the reader whose channel it is", async () => {
    const alice = await createTestUser(db);
    const bob = await createTestUser(db);
    const { caller, stop } = subscriber(alice);
    const events = iteratorOf(await caller.live.notifications({ lastEventId: "0" }));
    const next = events.next();
    await publishLiveEvent(db, notificationsChannel(bob.id), { kind: "REPLY" });
    await publishLiveEvent(db, notificationsChannel(alice.id), { kind: "REPLY" });
    const { value } = (await next) as IteratorResult<Tracked<unknown>>;
    expect(value[1]).toEqual({ type: "notification" });
    const aliceEvents = await db.liveEvent.findMany({ where: { channel: notificationsChannel(alice.id) }, select: { id: true } });
    expect(value[0]).toBe(aliceEvents[0]!.id.toString());
    stop();
  });

  it("refuses a signed-out reader", async () => {
    const { caller, stop } = subscriber(null);
    const refused = await refusal(() => caller.live.notifications(), "en");
    expect(refused.code).toBe("UNAUTHORIZED");
    stop();
  });
});
