/**
 * Score events: what readers are told is the score as it is when the event is stored, a burst of
 * votes is one or two events, and a comment that is gone publishes nothing (and logs nothing).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/server/db/client.ts";
import { createCommentEssay, seedComment } from "@/server/comments/testing/comment-fixture.ts";
import { createTestUser } from "@/server/test/caller.ts";
import { createTestDatabase, type TestDatabase } from "@/server/test/database.ts";
import { commentsChannel } from "./channels.ts";
import { decodeLivePayload } from "./event-store.ts";
import { getLiveBus } from "./process-bus.ts";
import { publishLiveEvent } from "./publish.ts";
import { announceCommentScore, currentScorePayload, flushScoreEvents } from "./score-events.ts";

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

async function scoreEventsOf(commentId: string) {
  const rows = await db.liveEvent.findMany({ where: { channel: commentsChannel(essay.id) }, orderBy: { id: "asc" }, select: { payload: true } });
  return rows.map((row) => decodeLivePayload(row.payload)).filter((event) => (event as { commentId?: string }).commentId === commentId);
}

describe("announceCommentScore", () => {
  it("carries the score stored when the event is published, not a score handed to it", async () => {
    const comment = await seedComment(db, { essayId: essay.id, authorId });
    const payload = currentScorePayload(comment.id); // one payload, read anew by each publish
    await db.comment.update({ where: { id: comment.id }, data: { score: 3 } });
    await publishLiveEvent(db, commentsChannel(essay.id), payload);
    await db.comment.update({ where: { id: comment.id }, data: { score: 7 } });
    await publishLiveEvent(db, commentsChannel(essay.id), payload);
    expect(await scoreEventsOf(comment.id)).toEqual([
      { type: "score", commentId: comment.id, score: 3 },
      { type: "score", commentId: comment.id, score: 7 },
    ]);
  });

  it("folds a burst into at most two events, the last with the score after the burst", async () => {
    const comment = await seedComment(db, { essayId: essay.id, authorId });
    await db.comment.update({ where: { id: comment.id }, data: { score: 10 } });
    for (let i = 0; i < 10; i += 1) announceCommentScore(db, essay.id, comment.id);
    await flushScoreEvents();
    const events = await scoreEventsOf(comment.id);
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.length).toBeLessThanOrEqual(2);
    expect(events.at(-1)).toEqual({ type: "score", commentId: comment.id, score: 10 });
  });

  it("delivers the event to this server's subscribers as stored", async () => {
    const comment = await seedComment(db, { essayId: essay.id, authorId });
    await db.comment.update({ where: { id: comment.id }, data: { score: 12 } });
    const received: unknown[] = [];
    const bus = getLiveBus();
    await bus.ready();
    const unsubscribe = bus.subscribe(commentsChannel(essay.id), (event) => received.push(event.payload));
    try {
      announceCommentScore(db, essay.id, comment.id);
      await flushScoreEvents();
      await vi.waitFor(() => expect(received).toContainEqual({ type: "score", commentId: comment.id, score: 12 }));
    } finally {
      unsubscribe();
    }
  });

  it("publishes nothing, and logs nothing, for a comment that no longer exists", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = await db.liveEvent.count();
    announceCommentScore(db, essay.id, "c-gone");
    await flushScoreEvents();
    expect(await db.liveEvent.count()).toBe(before);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
