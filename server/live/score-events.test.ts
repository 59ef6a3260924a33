/**
 * Score events: what readers are told is each score as it is when the event is stored; the votes
 * of an interval on any number of an essay's comments are one event (or one per hundred comments,
 * each small enough for NOTIFY); comments that are gone are left out, and publish nothing alone.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/server/db/client.ts";
import { commentRow, createCommentEssay, seedComment } from "@/server/comments/testing/comment-fixture.ts";
import { createTestUser } from "@/server/test/caller.ts";
import { createTestDatabase, type TestDatabase } from "@/server/test/database.ts";
import { commentsChannel } from "./channels.ts";
import { decodeLivePayload, maxNotifyPayloadBytes } from "./event-store.ts";
import { getLiveBus } from "./process-bus.ts";
import { publishLiveEvent } from "./publish.ts";
import { announceCommentScore, currentScoresPayload, flushScoreEvents, maxScoresPerEvent } from "./score-events.ts";

let database: TestDatabase;
let db: Db;
let essay: { id: string; slug: string };
let authorId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  essay = await createCommentEssay(db);
  authorId = (await createTestUser(db)).id;
});
afterAll(() => database.close());

interface ScoresEvent {
  type: "scores";
  scores: { commentId: string; score: number }[];
}

/** The channel's events stored after `afterId`, oldest first. */
async function eventsAfter(afterId: bigint): Promise<ScoresEvent[]> {
  const rows = await db.liveEvent.findMany({ where: { channel: commentsChannel(essay.id), id: { gt: afterId } }, orderBy: { id: "asc" }, select: { payload: true } });
  return rows.map((row) => decodeLivePayload(row.payload) as ScoresEvent);
}

async function lastEventId(): Promise<bigint> {
  const last = await db.liveEvent.findFirst({ where: { channel: commentsChannel(essay.id) }, orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}

/** `count` comments with scores 0, 1, 2…, in one insert. */
async function seedComments(count: number): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, score) => commentRow({ essayId: essay.id, authorId, score }));
  await db.comment.createMany({ data: rows });
  return rows.map((row) => row.id);
}

const sorted = (ids: string[]) => [...ids].sort();

describe("announceCommentScore", () => {
  it("carries the scores stored when the event is published, not scores handed to it", async () => {
    const [a, b] = await seedComments(2);
    const payload = currentScoresPayload([a!, b!]); // one payload, read anew by each publish
    const before = await lastEventId();
    await db.comment.update({ where: { id: a! }, data: { score: 3 } });
    await publishLiveEvent(db, commentsChannel(essay.id), payload);
    await db.comment.update({ where: { id: b! }, data: { score: 7 } });
    await publishLiveEvent(db, commentsChannel(essay.id), payload);
    expect(await eventsAfter(before)).toEqual([
      { type: "scores", scores: sortedScores([[a!, 3], [b!, 1]]) },
      { type: "scores", scores: sortedScores([[a!, 3], [b!, 7]]) },
    ]);
  });

  it("tells the first vote at once, then every comment voted on during the interval in one event, each with its latest score", async () => {
    const ids = await seedComments(5);
    const before = await lastEventId();
    announceCommentScore(db, essay.id, ids[0]!);
    // A burst over all five comments, the first one again among them.
    for (let round = 0; round < 10; round += 1) for (const id of ids) announceCommentScore(db, essay.id, id);
    await db.comment.update({ where: { id: ids[3]! }, data: { score: 40 } });
    await flushScoreEvents();

    const events = await eventsAfter(before);
    expect(events).toHaveLength(2);
    expect(events[0]!.scores.map((entry) => entry.commentId)).toEqual([ids[0]]);
    expect(events[1]).toEqual({ type: "scores", scores: sortedScores(ids.map((id, score) => [id, id === ids[3] ? 40 : score])) });
  });

  it("splits an interval's comments into events of at most 100, each small enough to travel whole in a NOTIFY", async () => {
    const ids = await seedComments(2 * maxScoresPerEvent + 31);
    const before = await lastEventId();
    for (const id of ids) announceCommentScore(db, essay.id, id);
    await flushScoreEvents();

    const events = await eventsAfter(before);
    // The first at once, then the other 230 in three batches.
    expect(events.map((event) => event.scores.length)).toEqual([1, maxScoresPerEvent, maxScoresPerEvent, 30]);
    const told = new Map(events.flatMap((event) => event.scores.map((entry) => [entry.commentId, entry.score] as const)));
    expect(told).toEqual(new Map(ids.map((id, score) => [id, score])));

    // What event-store.ts sends with pg_notify when it fits, measured the way it measures.
    const [largest] = await db.$queryRaw<{ bytes: number }[]>`
      SELECT max(octet_length(json_build_object('channel', "channel", 'id', "id"::text, 'payload', "payload")::text))::int AS bytes
      FROM "LiveEvent" WHERE "channel" = ${commentsChannel(essay.id)} AND "id" > ${before}`;
    expect(largest!.bytes).toBeLessThanOrEqual(maxNotifyPayloadBytes);
  });

  it("delivers the event to this server's subscribers as stored", async () => {
    const comment = await seedComment(db, { essayId: essay.id, authorId, score: 12 });
    const received: unknown[] = [];
    const bus = getLiveBus();
    await bus.ready();
    const unsubscribe = bus.subscribe(commentsChannel(essay.id), (event) => received.push(event.payload));
    try {
      announceCommentScore(db, essay.id, comment.id);
      await flushScoreEvents();
      await vi.waitFor(() => expect(received).toContainEqual({ type: "scores", scores: [{ commentId: comment.id, score: 12 }] }));
    } finally {
      unsubscribe();
    }
  });

  it("leaves out comments that no longer exist, and publishes nothing, and logs nothing, when none is left", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const before = await lastEventId();
      announceCommentScore(db, essay.id, "c-gone");
      await flushScoreEvents();
      expect(await eventsAfter(before)).toEqual([]);

      const [kept] = await seedComments(1);
      announceCommentScore(db, essay.id, kept!);
      announceCommentScore(db, essay.id, "c-gone");
      await flushScoreEvents();
      expect((await eventsAfter(before)).at(-1)).toEqual({ type: "scores", scores: [{ commentId: kept, score: 0 }] });
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});

/** Scores in the event's order (by comment id). */
function sortedScores(entries: (readonly [string, number])[]): { commentId: string; score: number }[] {
  const byId = new Map(entries);
  return sorted([...byId.keys()]).map((commentId) => ({ commentId, score: byId.get(commentId)! }));
}
