/**
 * The comment pipeline (phases/index.ts) through the comment handlers, on a real database: what
 * each phase does to a new or edited comment, what it writes to the audit log, and that a held
 * comment reaches nobody but its author (and moderators).
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client.ts";
import { createCommentEssay, seedComment } from "@/server/comments/testing/comment-fixture.ts";
import { lastCommentEvents } from "@/server/comments/testing/comment-test-context.ts";
import { forgetCommentCounts } from "@/server/comments/counts.ts";
import { moderationQueueChannel } from "@/server/live/channels.ts";
import { createTestCaller } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { refusal } from "@/server/test/refusal.ts";
import { edit, post, readerAged, setSiteSettings, setWatchedTerms, testRequest } from "./testing/moderation-fixture.ts";

const database = useTestDatabase();
let db: Db;
let essay: { id: string; slug: string };

beforeAll(async () => {
  db = database().db;
});
beforeEach(async () => {
  // Each test on an essay of its own with the site's defaults and no watched words.
  essay = await createCommentEssay(db);
  await setSiteSettings(db, { premoderateFirstN: 0, flagHideThreshold: 3, newAccountDays: 7, newAccountLinkLimit: 1 });
  await setWatchedTerms(db, []);
});

const commentCount = () => db.comment.count({ where: { essayId: essay.id } });
const logOf = (targetId: string) => db.moderationLog.findMany({ where: { targetId }, orderBy: { id: "asc" } });
const publicList = async () => {
  forgetCommentCounts(db, essay.id);
  return createTestCaller({ db }).comments.list({ slug: essay.slug, sort: "newest" });
};

describe("watched words", () => {
  it("a Chinese term mid-sentence (traditional, split by a space) holds the comment: its author sees it, nobody else does", async () => {
    await setWatchedTerms(db, [{ term: "赌博", action: "HOLD", tag: "gambling" }]);
    const [author, other] = await Promise.all([readerAged(db, 30), readerAged(db, 30)]);

    const view = await post(db, author, { slug: essay.slug, body: "我觉得网上賭 博真的很危险" });

    expect(view.moderation).toEqual({ state: "held", reason: "watched_word", note: null });
    expect(await db.comment.findUniqueOrThrow({ where: { id: view.id }, select: { status: true } })).toEqual({ status: "HELD" });
    // Others: not in the list, not counted, not in the paragraph counts, not announced, not found.
    expect(await publicList()).toMatchObject({ items: [], totalCount: 0 });
    expect((await refusal(() => createTestCaller({ db, user: other }).comments.get({ commentId: view.id }))).code).toBe("NOT_FOUND");
    expect(await lastCommentEvents(db, essay.id)).toEqual([]);
    expect(await db.liveEvent.count({ where: { channel: moderationQueueChannel } })).toBeGreaterThan(0);
    // The author: in comments.mine, with the reason; others get nothing there.
    const mine = await createTestCaller({ db, user: author }).comments.mine({ slug: essay.slug });
    expect(mine.items.map((item) => [item.id, item.moderation?.state])).toEqual([[view.id, "held"]]);
    expect(mine.items[0]!.bodyHtml).toContain("賭 博");
    expect((await createTestCaller({ db, user: other }).comments.mine({ slug: essay.slug })).items).toEqual([]);
    // The audit log: which rule, and the exact span in the stored text.
    const [entry] = await logOf(view.id);
    expect(entry).toMatchObject({ actorId: null, rule: "watched_word", action: "hold", reason: "watched_word", ip: testRequest.ip, userAgent: testRequest.userAgent });
    expect(entry!.after).toMatchObject({ spans: [{ field: "body", term: "赌博", tag: "gambling", start: 5, end: 8, text: "賭 博" }] });
  });

  it("block refuses with a message that names no term, writes no comment, and logs the attempt", async () => {
    await setWatchedTerms(db, [{ term: "办证", action: "BLOCK" }]);
    const author = await readerAged(db, 30);

    const refused = await refusal(() => post(db, author, { slug: essay.slug, body: "专业办-证，联系我" }), "en");

    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: "This comment contains words that are not allowed here. Please rephrase it." });
    expect(refused.message).not.toContain("办");
    expect(await commentCount()).toBe(0);
    const entries = await logOf(author.id);
    expect(entries.map((e) => [e.rule, e.action])).toEqual([["watched_word", "refuse"]]);
  });

  it("an allow-listed phrase cancels a match inside it", async () => {
    await setWatchedTerms(db, [{ term: "色情", action: "HOLD" }], ["白色情人节"]);
    const author = await readerAged(db, 30);
    const view = await post(db, author, { slug: essay.slug, body: "白色情人节快乐" });
    expect(view.moderation).toBeUndefined();
    expect(view.status).toBe("visible");
  });

  it("censor stores the text masked; flag keeps it visible with a system report in the reported queue", async () => {
    await setWatchedTerms(db, [
      { term: "傻瓜", action: "CENSOR" },
      { term: "加微信", action: "FLAG", tag: "contact" },
    ]);
    const author = await readerAged(db, 30);

    const censored = await post(db, author, { slug: essay.slug, body: "你这个傻瓜啊" });
    expect(censored.bodyHtml).toContain("你这个＊＊啊");
    expect(await db.comment.findUniqueOrThrow({ where: { id: censored.id }, select: { body: true } })).toEqual({ body: "你这个＊＊啊" });

    const flagged = await post(db, author, { slug: essay.slug, body: "有兴趣的加微信聊" });
    expect(flagged.status).toBe("visible");
    expect(await db.comment.findUniqueOrThrow({ where: { id: flagged.id }, select: { flagScore: true, status: true } })).toEqual({ flagScore: 1, status: "VISIBLE" });
    expect(await db.report.findMany({ where: { commentId: flagged.id }, select: { reporterId: true, status: true, weight: true } })).toEqual([
      { reporterId: null, status: "OPEN", weight: 1 },
    ]);
    expect((await logOf(flagged.id)).map((e) => e.action)).toEqual(["flag"]);
  });

  it("watches link URLs as their own field", async () => {
    await setWatchedTerms(db, [{ term: "spam.example", action: "HOLD", fields: ["link"] }]);
    const author = await readerAged(db, 30);
    expect((await post(db, author, { slug: essay.slug, body: "见 https://spam.example/offer" })).moderation?.reason).toBe("watched_word");
    // The same words as text, not a link: the term is for links only.
    expect((await post(db, author, { slug: essay.slug, body: "spam.example 这个域名很可疑" })).moderation).toBeUndefined();
  });
});

describe("new accounts, repeats, pre-moderation and the recent record", () => {
  it("holds a new account's comment with more links than allowed; an older account posts it", async () => {
    const body = "来源 https://a.example 和 https://b.example";
    const fresh = await readerAged(db, 1);
    expect((await post(db, fresh, { slug: essay.slug, body })).moderation).toMatchObject({ state: "held", reason: "links" });
    const established = await readerAged(db, 30);
    expect((await post(db, established, { slug: essay.slug, body })).status).toBe("visible");
    const fewLinks = await post(db, fresh, { slug: essay.slug, body: "来源 https://a.example" });
    expect(fewLinks.moderation).toBeUndefined();
  });

  it("refuses the same text as the author's own recent comment", async () => {
    const author = await readerAged(db, 30);
    await post(db, author, { slug: essay.slug, body: "同样的话" });
    const refused = await refusal(() => post(db, author, { slug: essay.slug, body: "同样的话" }), "en");
    expect(refused.message).toContain("same text");
    expect(await commentCount()).toBe(1);
    // Someone else may say the same.
    expect((await post(db, await readerAged(db, 30), { slug: essay.slug, body: "同样的话" })).status).toBe("visible");
  });

  it("pre-moderates an account's first comment (N=1), and every comment of a premoderated essay; staff pass", async () => {
    await setSiteSettings(db, { premoderateFirstN: 1 });
    const newcomer = await readerAged(db, 0);
    const first = await post(db, newcomer, { slug: essay.slug, body: "第一条" });
    expect(first.moderation).toMatchObject({ state: "held", reason: "premoderation" });
    // While the first waits, the second waits too: only published comments count.
    expect((await post(db, newcomer, { slug: essay.slug, body: "第二条" })).moderation?.reason).toBe("premoderation");
    await db.comment.update({ where: { id: first.id }, data: { status: "VISIBLE" } });
    expect((await post(db, newcomer, { slug: essay.slug, body: "第三条" })).moderation).toBeUndefined();

    await db.essay.update({ where: { id: essay.id }, data: { premoderateAll: true } });
    expect((await post(db, newcomer, { slug: essay.slug, body: "第四条" })).moderation?.reason).toBe("premoderation");
    const moderator = await readerAged(db, 0, "MODERATOR");
    expect((await post(db, moderator, { slug: essay.slug, body: "版主说明" })).moderation).toBeUndefined();
  });

  it("holds a writer whose recent comments were mostly rejected", async () => {
    const [author, moderator] = await Promise.all([readerAged(db, 30), readerAged(db, 30, "MODERATOR")]);
    const old = new Date(Date.now() - 86_400_000);
    for (const status of ["REMOVED", "REMOVED", "VISIBLE"] as const) {
      const seeded = await seedComment(db, { essayId: essay.id, authorId: author.id, status, createdAt: old });
      if (status === "REMOVED") await db.comment.update({ where: { id: seeded.id }, data: { moderatedById: moderator.id, moderationReason: "spam" } });
    }
    expect((await post(db, author, { slug: essay.slug, body: "又来了" })).moderation?.reason).toBe("recent_record");
  });
});

describe("the essay's settings and sanctions", () => {
  it("refuses while locked (with the lock message), after the closing time, and in slow mode with the wait", async () => {
    const author = await readerAged(db, 30);
    await db.essay.update({ where: { id: essay.id }, data: { commentsLockedAt: new Date(), commentsLockMessage: "讨论暂停到明天" } });
    expect((await refusal(() => post(db, author, { slug: essay.slug, body: "还能说吗" }))).message).toContain("讨论暂停到明天");

    await db.essay.update({ where: { id: essay.id }, data: { commentsLockedAt: null, commentsCloseAt: new Date(Date.now() - 1000) } });
    expect((await refusal(() => post(db, author, { slug: essay.slug, body: "还能说吗" }), "en")).message).toBe("Commenting on this essay is closed.");

    await db.essay.update({ where: { id: essay.id }, data: { commentsCloseAt: null, slowModeSeconds: 60 } });
    await post(db, author, { slug: essay.slug, body: "第一条" });
    const slow = await refusal(() => post(db, author, { slug: essay.slug, body: "第二条" }), "en");
    expect(slow.code).toBe("TOO_MANY_REQUESTS");
    expect(slow.message).toMatch(/one comment every 60 s\. Try again in (59|60) s/);
    expect(await commentCount()).toBe(1);
  });

  it("refuses a suspended reader with the reason and the end, and a warned one until acknowledged", async () => {
    const [suspended, warned] = await Promise.all([readerAged(db, 30), readerAged(db, 30)]);
    const endsAt = new Date("2099-01-02T03:04:00Z");
    await db.sanction.create({ data: { userId: suspended.id, kind: "SUSPENSION", reason: "spam links", endsAt } });
    const refused = await refusal(() => post(db, suspended, { slug: essay.slug, body: "hi" }), "en");
    expect(refused).toMatchObject({ code: "FORBIDDEN" });
    expect(refused.message).toContain("2099-01-02 03:04 UTC");
    expect(refused.message).toContain("spam links");

    const warning = await db.sanction.create({ data: { userId: warned.id, kind: "WARNING", reason: "be civil" } });
    expect((await refusal(() => post(db, warned, { slug: essay.slug, body: "hi" }), "en")).message).toContain("acknowledge");
    await db.sanction.update({ where: { id: warning.id }, data: { acknowledgedAt: new Date() } });
    expect((await post(db, warned, { slug: essay.slug, body: "hi" })).status).toBe("visible");
    expect(await commentCount()).toBe(1);
  });
});

describe("replies and edits", () => {
  it("a held reply is neither counted on its parent nor notified", async () => {
    await setWatchedTerms(db, [{ term: "赌博", action: "HOLD" }]);
    const [parentAuthor, replier] = await Promise.all([readerAged(db, 30), readerAged(db, 30)]);
    const parent = await post(db, parentAuthor, { slug: essay.slug, body: "上面的话" });
    const reply = await post(db, replier, { slug: essay.slug, parentId: parent.id, body: "来赌博吧" });
    expect(reply.moderation?.state).toBe("held");
    expect(await db.comment.findUniqueOrThrow({ where: { id: parent.id }, select: { replyCount: true } })).toEqual({ replyCount: 0 });
    expect(await db.notification.count({ where: { commentId: reply.id } })).toBe(0);
  });

  it("an edit that a watched word holds takes the comment out of the thread, as a deletion does", async () => {
    const [parentAuthor, replier] = await Promise.all([readerAged(db, 30), readerAged(db, 30)]);
    const parent = await post(db, parentAuthor, { slug: essay.slug, body: "上面的话" });
    const reply = await post(db, replier, { slug: essay.slug, parentId: parent.id, body: "正常的回复" });
    expect(await db.comment.findUniqueOrThrow({ where: { id: parent.id }, select: { replyCount: true } })).toEqual({ replyCount: 1 });
    await setWatchedTerms(db, [{ term: "赌博", action: "HOLD" }]);

    const edited = await edit(db, replier, reply.id, "改成：来赌博吧");

    expect(edited.moderation).toEqual({ state: "held", reason: "watched_word", note: null });
    expect(await db.comment.findUniqueOrThrow({ where: { id: parent.id }, select: { replyCount: true } })).toEqual({ replyCount: 0 });
    expect(await lastCommentEvents(db, essay.id)).toEqual([{ type: "deleted", commentId: reply.id, outcome: "gone" }]);
  });
});

describe("display names", () => {
  it("refuses a name with a blocked or held term, masks a censored one, and logs both", async () => {
    await setWatchedTerms(db, [
      { term: "管理员", action: "HOLD", fields: ["displayName"] },
      { term: "傻瓜", action: "CENSOR", fields: ["displayName"] },
    ]);
    const reader = await readerAged(db, 30);
    const me = createTestCaller({ db, user: reader, locale: "en" });

    const refused = await refusal(() => me.me.update({ name: "官方 管 理 员" }), "en");
    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: "This name contains words that are not allowed here. Please choose another." });
    expect(await db.user.findUniqueOrThrow({ where: { id: reader.id }, select: { name: true } })).toEqual({ name: reader.name });

    expect((await me.me.update({ name: "小傻瓜" }))?.name).toBe("小＊＊");
    expect((await logOf(reader.id)).map((e) => e.action)).toEqual(["refuse", "censor"]);
  });
});
