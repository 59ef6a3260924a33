/**
 * The notifications procedures on a real database: replies notify the parent's author (never
 * oneself), the list pages newest first with names, snippets and links, and a reader reads and
 * marks only their own.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import { notifyReply } from "@/server/notifications/notify-reply.ts";
import { createTestEssay } from "@/server/polls/testing/poll-fixture.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { createTestDatabase, type TestDatabase } from "@/server/test/database.ts";
import { refusal } from "@/server/test/refusal.ts";

let database: TestDatabase;
let essayId: string;
let essaySlug: string;
let alice: SessionUser;
let bob: SessionUser;

beforeAll(async () => {
  database = await createTestDatabase();
  essayId = await createTestEssay(database.db);
  essaySlug = (await database.db.essay.findUniqueOrThrow({ where: { id: essayId }, select: { slug: true } })).slug;
});
afterAll(() => database.close());

beforeEach(async () => {
  alice = await createTestUser(database.db, { name: "爱丽丝" });
  bob = await createTestUser(database.db, { name: "Bob" });
});

let clock = Date.parse("2026-03-01T00:00:00Z");

/** A comment written straight into the table, as comments.create would (minus rendering). */
async function comment(author: SessionUser, body: string, parentId: string | null = null) {
  clock += 1_000;
  return database.db.comment.create({
    data: { essayId, authorId: author.id, parentId, body, bodyHtml: `<p>${body}</p>`, createdAt: new Date(clock) },
    select: { id: true, authorId: true },
  });
}

/** A reply and its notification in one transaction, the way the comments handler does it. */
async function reply(author: SessionUser, parent: { id: string; authorId: string }, body: string) {
  clock += 1_000;
  const at = new Date(clock);
  return database.db.$transaction(async (tx) => {
    const row = await tx.comment.create({
      data: { essayId, authorId: author.id, parentId: parent.id, body, bodyHtml: `<p>${body}</p>`, createdAt: at },
      select: { id: true, authorId: true },
    });
    await notifyReply(tx, { replyId: row.id, replyAuthorId: author.id, parentAuthorId: parent.authorId });
    // Notifications are ordered by their own time: keep it the reply's for a deterministic order.
    await tx.notification.updateMany({ where: { commentId: row.id }, data: { createdAt: at } });
    return row;
  });
}

const as = (user: SessionUser | null, locale: "zh" | "en" = "zh") => createTestCaller({ db: database.db, user, locale });

describe("notifyReply", () => {
  it("notifies the parent's author with the replier as actor and the reply as subject", async () => {
    const parent = await comment(alice, "原帖");
    const answer = await reply(bob, parent, "回复你");
    const rows = await database.db.notification.findMany({ where: { recipientId: alice.id } });
    expect(rows).toEqual([expect.objectContaining({ kind: "REPLY", actorId: bob.id, commentId: answer.id, readAt: null })]);
  });

  it("writes nothing when someone replies to themselves", async () => {
    const parent = await comment(alice, "自言自语");
    await reply(alice, parent, "补充一句");
    expect(await database.db.notification.count({ where: { recipientId: alice.id } })).toBe(0);
    expect(await as(alice).notifications.unreadCount()).toEqual({ count: 0 });
  });

  it("is rolled back with the reply's transaction", async () => {
    const parent = await comment(alice, "原帖");
    await expect(
      database.db.$transaction(async (tx) => {
        const row = await tx.comment.create({ data: { essayId, authorId: bob.id, parentId: parent.id, body: "x", bodyHtml: "x" }, select: { id: true } });
        await notifyReply(tx, { replyId: row.id, replyAuthorId: bob.id, parentAuthorId: alice.id });
        throw new Error("the reply failed after all");
      }),
    ).rejects.toThrow("the reply failed after all");
    expect(await database.db.notification.count({ where: { recipientId: alice.id } })).toBe(0);
  });
});

describe("notifications.list", () => {
  it("lists the reader's notifications newest first with the actor's name, a plain snippet, the essay and the link", async () => {
    const parent = await comment(alice, "原帖");
    const first = await reply(bob, parent, "**粗体** 和 [链接](https://example.org)，还有 `代码`。");
    const second = await reply(bob, parent, "第二条");
    const page = await as(alice).notifications.list({});
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((item) => item.commentId)).toEqual([second.id, first.id]);
    expect(page.items[1]).toEqual({
      id: expect.any(String),
      kind: "REPLY",
      createdAt: expect.any(Date),
      read: false,
      actorName: "Bob",
      snippet: "粗体 和 链接，还有 代码。",
      essaySlug,
      commentId: first.id,
      href: `/c/${first.id}`,
    });
  });

  it("cuts a long reply to 120 characters with an ellipsis, and shows markup-looking text as text", async () => {
    const parent = await comment(alice, "原帖");
    await reply(bob, parent, `> 引用\n\n${"长".repeat(300)}`);
    await reply(bob, parent, "<script>alert(1)</script> ~~划掉~~");
    const [html, long] = (await as(alice).notifications.list({})).items;
    expect(html?.snippet).toBe("<script>alert(1)</script> 划掉");
    expect([...(long?.snippet ?? "")]).toHaveLength(120);
    expect(long?.snippet.startsWith("引用 长长")).toBe(true);
    expect(long?.snippet.endsWith("长…")).toBe(true);
  });

  it("pages by cursor without gaps or repeats", async () => {
    const parent = await comment(alice, "原帖");
    const replies = [];
    for (let i = 0; i < 7; i += 1) replies.push(await reply(bob, parent, `回复 ${i}`));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<ReturnType<typeof as>["notifications"]["list"]>> = await as(alice).notifications.list({ cursor, limit: 3 });
      seen.push(...page.items.map((item) => item.commentId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(replies.map((r) => r.id).reverse());
  });

  it("shows only the reader's own, and leaves out replies deleted since", async () => {
    const mine = await comment(alice, "爱丽丝的");
    const theirs = await comment(bob, "Bob 的");
    const kept = await reply(bob, mine, "给爱丽丝");
    const gone = await reply(bob, mine, "删掉了");
    await reply(alice, theirs, "给 Bob");
    await database.db.comment.update({ where: { id: gone.id }, data: { status: "DELETED" } });
    expect((await as(alice).notifications.list({})).items.map((i) => i.commentId)).toEqual([kept.id]);
    expect(await as(alice).notifications.unreadCount()).toEqual({ count: 1 });
    expect((await as(bob).notifications.list({})).items).toHaveLength(1);
  });

  it("gives a null name for a replier without one", async () => {
    const nameless = await createTestUser(database.db, { name: null });
    await reply(nameless, await comment(alice, "原帖"), "hi");
    expect((await as(alice).notifications.list({})).items[0]?.actorName).toBeNull();
  });

  it("refuses a malformed cursor and a limit out of range, in the reader's language", async () => {
    const cursor = await refusal(() => as(alice, "en").notifications.list({ cursor: "not a cursor" }), "en");
    expect(cursor.code).toBe("BAD_REQUEST");
    expect(cursor.message).toBe("That page position is not valid. Please reload from the first page.");
    expect((await refusal(() => as(alice).notifications.list({ limit: 51 }))).code).toBe("BAD_REQUEST");
    expect((await refusal(() => as(alice).notifications.list({ limit: 0 }))).code).toBe("BAD_REQUEST");
  });
});

describe("notifications.markRead and markAllRead", () => {
  it("marks the reader's own as read and answers with the unread count", async () => {
    const parent = await comment(alice, "原帖");
    await reply(bob, parent, "一");
    await reply(bob, parent, "二");
    await reply(bob, parent, "三");
    expect(await as(alice).notifications.unreadCount()).toEqual({ count: 3 });
    const [newest] = (await as(alice).notifications.list({})).items;
    expect(await as(alice).notifications.markRead({ ids: [newest!.id, newest!.id] })).toEqual({ updated: 1, unreadCount: 2 });
    // Marking again changes nothing.
    expect(await as(alice).notifications.markRead({ ids: [newest!.id] })).toEqual({ updated: 0, unreadCount: 2 });
    expect((await as(alice).notifications.list({})).items.map((i) => i.read)).toEqual([true, false, false]);
    expect(await as(alice).notifications.markAllRead()).toEqual({ updated: 2, unreadCount: 0 });
    expect(await as(alice).notifications.unreadCount()).toEqual({ count: 0 });
  });

  it("refuses someone else's notification (and an unknown id) with a specific error, and changes nothing", async () => {
    await reply(alice, await comment(bob, "Bob 的"), "给 Bob");
    await reply(bob, await comment(alice, "爱丽丝的"), "给爱丽丝");
    const [bobs] = (await as(bob).notifications.list({})).items;
    const [alices] = (await as(alice).notifications.list({})).items;

    const zh = await refusal(() => as(alice).notifications.markRead({ ids: [alices!.id, bobs!.id] }));
    expect(zh.code).toBe("NOT_FOUND");
    expect(zh.message).toBe("找不到这条通知，或它不是你的。");
    const en = await refusal(() => as(alice, "en").notifications.markRead({ ids: ["no-such-notification"] }), "en");
    expect(en.message).toBe("That notification does not exist or is not yours.");

    expect(await as(bob).notifications.unreadCount()).toEqual({ count: 1 });
    expect(await as(alice).notifications.unreadCount()).toEqual({ count: 1 });
  });

  it("markAllRead leaves other readers' notifications alone", async () => {
    await reply(alice, await comment(bob, "Bob 的"), "给 Bob");
    await reply(bob, await comment(alice, "爱丽丝的"), "给爱丽丝");
    await as(alice).notifications.markAllRead();
    expect(await as(bob).notifications.unreadCount()).toEqual({ count: 1 });
  });

  it("refuses an empty or oversized id list", async () => {
    expect((await refusal(() => as(alice).notifications.markRead({ ids: [] }))).code).toBe("BAD_REQUEST");
    expect((await refusal(() => as(alice).notifications.markRead({ ids: Array.from({ length: 101 }, (_, i) => `n${i}`) }))).code).toBe("BAD_REQUEST");
  });
});

describe("signed out", () => {
  it.each([
    ["list", () => as(null).notifications.list({})],
    ["unreadCount", () => as(null).notifications.unreadCount()],
    ["markRead", () => as(null).notifications.markRead({ ids: ["x"] })],
    ["markAllRead", () => as(null).notifications.markAllRead()],
  ])("%s asks to sign in", async (_name, call) => {
    const refused = await refusal(call);
    expect(refused.code).toBe("UNAUTHORIZED");
    expect(refused.message).toBe("请先登录。");
  });
});
