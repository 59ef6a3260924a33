/**
 * live.page through the router: one stream carrying the comments, polls and notifications of a
 * page, each message tagged with its channel and tracked with the per-channel resume vector.
 */
import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root.ts";
import type { CommentEvent } from "@/server/api/routers/comments/schemas.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { commentsChannel, notificationsChannel, pollChannel, publishLiveEvent } from "@/server/live/publish.ts";
import { createTestEssay, createTestPoll } from "@/server/polls/testing/poll-fixture.ts";
import { createTestCaller, createTestContext, createTestUser } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { refusal } from "@/server/test/refusal.ts";
import { decodeEventVector } from "./event-vector.ts";
import type { LivePageInput, LivePageMessage } from "./schemas.ts";

let db: Db;
useTestDatabase({ setup: async (opened) => void (db = opened) });

/** What the caller yields for a `tracked(vector, message)` event. */
type Tracked = [vector: string, message: LivePageMessage];

/** A live.page subscriber: its messages one by one, and a way to hang up. */
async function subscribe(user: SessionUser | null, input: LivePageInput) {
  const controller = new AbortController();
  const caller = createCaller(createTestContext({ db, user }), { signal: controller.signal });
  const iterator = (await caller.live.page(input))[Symbol.asyncIterator]();
  return {
    next: async (): Promise<Tracked> => {
      // At run time a tracked event is a tuple [id, data, marker] (the type says otherwise).
      const [vector, message] = (await iterator.next()).value as unknown as Tracked;
      return [vector, message];
    },
    /** The subscription's end, once it has been stopped. */
    done: async () => (await iterator.next()).done,
    stop: () => controller.abort(),
  };
}

async function essayWithSlug() {
  const essayId = await createTestEssay(db);
  const { slug } = await db.essay.findUniqueOrThrow({ where: { id: essayId }, select: { slug: true } });
  return { essayId, slug };
}

const score = (n: number): CommentEvent => ({ type: "scores", scores: [{ commentId: "c1", score: n }] });
const byChannel = (messages: LivePageMessage[]) =>
  [...messages].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe("live.page", () => {
  it("merges comments, a poll and the reader's notifications into one tagged stream", async () => {
    const { essayId, slug } = await essayWithSlug();
    const poll = await createTestPoll(db, { essayId });
    const reader = await createTestUser(db);
    const page = await subscribe(reader, { slug, pollIds: [poll.id, poll.id], notifications: true });

    const [readyVector, ready] = await page.next();
    expect(ready).toEqual({ channel: "ready" });
    expect(readyVector).toBe(`c:0;n:0;p:${poll.id}:0`);

    const comment = await publishLiveEvent(db, commentsChannel(essayId), score(1));
    const [afterComment, first] = await page.next();
    expect(first).toEqual({ channel: "comments", event: score(1) });
    expect(afterComment).toBe(`c:${comment.id};n:0;p:${poll.id}:0`);

    const vote = await publishLiveEvent(db, pollChannel(poll.id), { type: "results-changed" });
    expect(await page.next()).toEqual([`c:${comment.id};n:0;p:${poll.id}:${vote.id}`, { channel: "poll", pollId: poll.id, event: { type: "results-changed" } }]);

    await publishLiveEvent(db, notificationsChannel((await createTestUser(db)).id), { kind: "REPLY" }); // someone else's
    const notice = await publishLiveEvent(db, notificationsChannel(reader.id), { kind: "REPLY" });
    expect(await page.next()).toEqual([`c:${comment.id};n:${notice.id};p:${poll.id}:${vote.id}`, { channel: "notifications", event: { type: "notification" } }]);

    page.stop();
    expect(await page.done()).toBe(true);
  });

  it("resumes from a vector with exactly the events each channel missed", async () => {
    const { essayId, slug } = await essayWithSlug();
    const poll = await createTestPoll(db, { essayId });
    const reader = await createTestUser(db);
    const input = { slug, pollIds: [poll.id], notifications: true };

    // The first connection sees one comment, then drops.
    const firstConnection = await subscribe(reader, input);
    await firstConnection.next();
    await publishLiveEvent(db, commentsChannel(essayId), score(1));
    const [seen] = await firstConnection.next();
    firstConnection.stop();

    // Meanwhile every channel moves on: ids interleave across channels.
    await publishLiveEvent(db, commentsChannel(essayId), score(2));
    await publishLiveEvent(db, pollChannel(poll.id), { type: "results-changed" });
    await publishLiveEvent(db, notificationsChannel(reader.id), { kind: "REPLY" });
    await publishLiveEvent(db, commentsChannel(essayId), score(3));

    const resumed = await subscribe(reader, { ...input, lastEventId: seen });
    const [readyVector, ready] = await resumed.next();
    expect(ready).toEqual({ channel: "ready" });
    expect(readyVector).toBe(seen);
    const missed = [await resumed.next(), await resumed.next(), await resumed.next(), await resumed.next()].map(([, message]) => message);
    expect(byChannel(missed)).toEqual(
      byChannel([
        { channel: "comments", event: score(2) },
        { channel: "comments", event: score(3) },
        { channel: "poll", pollId: poll.id, event: { type: "results-changed" } },
        { channel: "notifications", event: { type: "notification" } },
      ]),
    );
    expect(missed.filter((message) => message.channel === "comments")).toEqual([
      { channel: "comments", event: score(2) },
      { channel: "comments", event: score(3) },
    ]);

    // Nothing else was owed: the next message is a new one.
    const marker = await publishLiveEvent(db, commentsChannel(essayId), score(4));
    const [vector, next] = await resumed.next();
    expect(next).toEqual({ channel: "comments", event: score(4) });
    expect(decodeEventVector(vector).comments).toBe(marker.id);
    resumed.stop();
  });

  it("sends a signed-out reader no notifications and no error; skips a poll that does not exist", async () => {
    const { essayId, slug } = await essayWithSlug();
    const stranger = await createTestUser(db);
    const page = await subscribe(null, { slug, pollIds: ["nosuchpoll"], notifications: true });
    const [readyVector] = await page.next();
    expect(readyVector).toBe("c:0");

    await publishLiveEvent(db, notificationsChannel(stranger.id), { kind: "REPLY" });
    await publishLiveEvent(db, commentsChannel(essayId), score(1));
    expect((await page.next())[1]).toEqual({ channel: "comments", event: score(1) });
    page.stop();
  });

  it("respects poll results visibility: readers get no pings of a moderators-only poll", async () => {
    const { essayId, slug } = await essayWithSlug();
    const hidden = await createTestPoll(db, { essayId, resultsVisibility: "MODERATORS" });
    const reader = await subscribe(await createTestUser(db), { slug, pollIds: [hidden.id] });
    const moderator = await subscribe(await createTestUser(db, { role: "MODERATOR" }), { pollIds: [hidden.id] });
    await reader.next();
    await moderator.next();

    await publishLiveEvent(db, pollChannel(hidden.id), { type: "results-changed" });
    expect((await moderator.next())[1]).toEqual({ channel: "poll", pollId: hidden.id, event: { type: "results-changed" } });
    // The reader's next message is the comment published after the ping, not the ping.
    await publishLiveEvent(db, commentsChannel(essayId), score(1));
    expect((await reader.next())[1]).toEqual({ channel: "comments", event: score(1) });
    reader.stop();
    moderator.stop();
  });

  it("follows a moderator who makes a poll's results public while the page is open", async () => {
    const { essayId, slug } = await essayWithSlug();
    const poll = await createTestPoll(db, { essayId, resultsVisibility: "MODERATORS" });
    const reader = await subscribe(await createTestUser(db), { slug, pollIds: [poll.id] });
    // `ready` comes after the stream found the poll, while only moderators may see its results.
    expect((await reader.next())[1]).toEqual({ channel: "ready" });

    // Still hidden: a vote's ping is not passed on (the comment published after it comes first).
    await publishLiveEvent(db, pollChannel(poll.id), { type: "results-changed" });
    await publishLiveEvent(db, commentsChannel(essayId), score(1));
    expect((await reader.next())[1]).toEqual({ channel: "comments", event: score(1) });

    const moderator = await createTestUser(db, { role: "MODERATOR" });
    await createTestCaller({ db, user: moderator }).polls.moderation.setVisibility({ pollId: poll.id, resultsVisibility: "ALWAYS" });
    expect((await reader.next())[1]).toEqual({ channel: "poll", pollId: poll.id, event: { type: "results-changed" } });

    // And from then on every vote reaches the reader.
    const vote = await publishLiveEvent(db, pollChannel(poll.id), { type: "results-changed" });
    let [vector] = await reader.next();
    while (decodeEventVector(vector).polls.get(poll.id) !== vote.id) [vector] = await reader.next();
    reader.stop();
  });

  it("stops the pings when a moderator hides the results again", async () => {
    const { essayId, slug } = await essayWithSlug();
    const poll = await createTestPoll(db, { essayId, resultsVisibility: "ALWAYS" });
    const reader = await subscribe(await createTestUser(db), { slug, pollIds: [poll.id] });
    await reader.next();
    const seen = await publishLiveEvent(db, pollChannel(poll.id), { type: "results-changed" });
    expect(await reader.next()).toEqual([`c:0;p:${poll.id}:${seen.id}`, { channel: "poll", pollId: poll.id, event: { type: "results-changed" } }]);

    // The change's own announcement is the first ping the reader no longer gets.
    await createTestCaller({ db, user: await createTestUser(db, { role: "MODERATOR" }) }).polls.moderation.setVisibility({ pollId: poll.id, resultsVisibility: "MODERATORS" });
    await publishLiveEvent(db, pollChannel(poll.id), { type: "results-changed" });
    await publishLiveEvent(db, commentsChannel(essayId), score(2));
    expect((await reader.next())[1]).toEqual({ channel: "comments", event: score(2) });
    reader.stop();
  });

  it("takes a hostile vector as 'from now' but refuses an over-long one, an unknown essay and too many polls", async () => {
    const { slug } = await essayWithSlug();
    const hostile = await subscribe(null, { slug, lastEventId: "c:12; DROP TABLE;p:x:y" });
    expect((await hostile.next())[0]).toBe("c:12");
    hostile.stop();

    const anyone = createCaller(createTestContext({ db, user: null }));
    expect((await refusal(() => anyone.live.page({ slug, lastEventId: "c:1;".repeat(400) }))).code).toBe("BAD_REQUEST");
    expect((await refusal(() => anyone.live.page({ pollIds: Array.from({ length: 13 }, (_, i) => `poll${i}`) }))).code).toBe("BAD_REQUEST");
    expect((await refusal(() => anyone.live.page({ pollIds: ["a;b"] }))).code).toBe("BAD_REQUEST");
    const controller = new AbortController();
    const unknown = await refusal(
      async () => (await createCaller(createTestContext({ db, user: null }), { signal: controller.signal }).live.page({ slug: "no-such-essay" }))[Symbol.asyncIterator]().next(),
      "en",
    );
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.message).toBe("That essay could not be found.");
    controller.abort();
  });
});
