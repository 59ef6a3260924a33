/** After a reply commits, the parent's author gets a ping on their own live channel (never for a reply to oneself). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationsChannel } from "@/server/live/channels.ts";
import { decodeLivePayload } from "@/server/live/event-store.ts";
import { createTestUser } from "@/server/test/caller.ts";
import { createTestDatabase, type TestDatabase } from "@/server/test/database.ts";
import { announceReply } from "./notify-reply.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const pings = async (userId: string) =>
  (await database.db.liveEvent.findMany({ where: { channel: notificationsChannel(userId) }, select: { payload: true } })).map((event) => ({
    payload: decodeLivePayload(event.payload),
  }));

describe("announceReply", () => {
  it("publishes a notification ping on the parent author's channel", async () => {
    const [author, replier] = [await createTestUser(database.db), await createTestUser(database.db)];
    await announceReply(database.db, { replyId: "r1", replyAuthorId: replier.id, parentAuthorId: author.id });
    expect(await pings(author.id)).toEqual([{ payload: { type: "notification" } }]);
    expect(await pings(replier.id)).toEqual([]);
  });

  it("publishes nothing for a reply to oneself", async () => {
    const author = await createTestUser(database.db);
    await announceReply(database.db, { replyId: "r2", replyAuthorId: author.id, parentAuthorId: author.id });
    expect(await pings(author.id)).toEqual([]);
  });
});
