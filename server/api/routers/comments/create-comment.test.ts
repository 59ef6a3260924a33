/**
 * comments.create and comments.get through the caller: top-level, paragraph and reply comments,
 * their stored shape, and every refusal (in both languages, with nothing written).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { seedContent } from "@/server/essay/seed.ts";
import { seedPolls } from "@/server/polls/seed.ts";
import { createCommentEssay, seedComment, testParagraphs } from "@/server/comments/testing/comment-fixture.ts";
import { commentRateLimits, unlimitedCommentRate } from "@/server/comments/rate-limits.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { createTestDatabase } from "@/server/test/database.ts";
import { lastCommentEvents } from "@/server/comments/testing/comment-test-context.ts";
import { refusal as readerRefusal } from "@/server/test/refusal.ts";
import { createComment } from "./create-comment.ts";

let db: Db;
let close: () => Promise<void>;
let essay: { id: string; slug: string };

beforeAll(async () => {
  ({ db, close } = await createTestDatabase());
  await seedContent(db);
  await seedPolls(db);
  essay = await createCommentEssay(db);
});
afterAll(async () => {
  await close();
});

const callerFor = (user: SessionUser | null, locale: AppLocale = "zh") => createTestCaller({ db, user, locale });

async function refusal(run: () => Promise<unknown>, locale: AppLocale = "zh") {
  const { code, message } = await readerRefusal(run, locale);
  return { code, message };
}

/** Everything a refusal must leave untouched. */
async function snapshot() {
  return {
    comments: await db.comment.findMany({ orderBy: { id: "asc" }, select: { id: true, replyCount: true, status: true, body: true } }),
    liveEvents: await db.liveEvent.count(),
  };
}

describe("comments.create", () => {
  it("writes a top-level comment on the default essay and returns its view", async () => {
    const author = await createTestUser(db, { name: "小王" });
    const view = await callerFor(author).comments.create({ body: "  **好文**，值得一读。\n\n\n\n\n第二段  " });
    const defaultEssay = await db.essay.findFirstOrThrow({ orderBy: [{ publishedAt: "asc" }, { slug: "asc" }], select: { id: true } });

    expect(view).toMatchObject({
      parentId: null,
      rootId: view.id,
      depth: 0,
      paragraph: null,
      status: "visible",
      author: { id: author.id, name: "小王", isModerator: false, pollBadge: null },
      score: 0,
      replyCount: 0,
      editedAt: null,
      viewer: { upvoted: false, isAuthor: true, canEdit: true, canDelete: true },
    });
    expect(view.bodyHtml).toContain("<strong>好文</strong>");
    const stored = await db.comment.findUniqueOrThrow({ where: { id: view.id } });
    expect(stored.essayId).toBe(defaultEssay.id);
    expect(stored.body).toBe("  **好文**，值得一读。\n\n\n第二段");
    expect(await callerFor(null).comments.get({ commentId: view.id })).toEqual({ ...view, viewer: null });
  });

  it("publishes the new comment on the essay's live channel, without a viewer", async () => {
    const author = await createTestUser(db);
    const view = await callerFor(author).comments.create({ slug: essay.slug, body: "live" });
    expect(await lastCommentEvents(db, essay.id)).toMatchObject([{ type: "created", comment: { id: view.id, viewer: null } }]);
  });

  it("tells the live channel which paragraph a new comment's thread is about, replies included (for the margin count)", async () => {
    const [a, b, c, d] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db), createTestUser(db)]);
    const top = await callerFor(a).comments.create({ slug: essay.slug, paragraphKey: "p1", body: "关于第一段" });
    expect(await lastCommentEvents(db, essay.id)).toMatchObject([{ type: "created", comment: { id: top.id }, paragraphKey: "p1" }]);
    const reply = await callerFor(b).comments.create({ slug: essay.slug, parentId: top.id, body: "同意" });
    const deeper = await callerFor(c).comments.create({ slug: essay.slug, parentId: reply.id, body: "谢谢" });
    expect(await lastCommentEvents(db, essay.id, 2)).toMatchObject([
      { type: "created", comment: { id: reply.id, paragraph: null }, paragraphKey: "p1" },
      { type: "created", comment: { id: deeper.id }, paragraphKey: "p1" },
    ]);
    const essayWide = await callerFor(d).comments.create({ slug: essay.slug, body: "整体" });
    expect(await lastCommentEvents(db, essay.id)).toEqual([expect.not.objectContaining({ paragraphKey: expect.anything() })]);
    expect(essayWide.paragraph).toBeNull();
  });

  it("quotes the paragraph a comment is about, from the body or a note, cut to 280 characters", async () => {
    const [a, b] = await Promise.all([createTestUser(db), createTestUser(db)]);
    const onFirst = await callerFor(a).comments.create({ slug: essay.slug, paragraphKey: "p1", body: "关于第一段" });
    expect(onFirst.paragraph).toEqual({ key: "p1", quote: testParagraphs[0]!.text });
    const onLong = await callerFor(b).comments.create({ slug: essay.slug, paragraphKey: "p2", body: "关于第二段" });
    expect(Array.from(onLong.paragraph!.quote)).toHaveLength(280);
    expect(onLong.paragraph!.quote.endsWith("…")).toBe(true);
    const c = await createTestUser(db);
    expect((await callerFor(c).comments.create({ slug: essay.slug, paragraphKey: "n1", body: "注释" })).paragraph?.key).toBe("n1");
  });

  it("replies: depth and root from the parent, the parent's replyCount up by one, no paragraph inherited", async () => {
    const [a, b, c] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db)]);
    const top = await callerFor(a).comments.create({ slug: essay.slug, paragraphKey: "p1", body: "顶层" });
    const reply = await callerFor(b).comments.create({ parentId: top.id, body: "回复" });
    const deeper = await callerFor(c).comments.create({ slug: essay.slug, parentId: reply.id, body: "再回复" });
    expect(reply).toMatchObject({ parentId: top.id, rootId: top.id, depth: 1, paragraph: null });
    expect(deeper).toMatchObject({ parentId: reply.id, rootId: top.id, depth: 2 });
    expect((await callerFor(null).comments.get({ commentId: top.id })).replyCount).toBe(1);
    expect((await callerFor(null).comments.get({ commentId: reply.id })).replyCount).toBe(1);
  });

  it("notifies the parent's author of a reply, in the same write, and nobody of a reply to themselves", async () => {
    const [alice, bob] = await Promise.all([createTestUser(db), createTestUser(db)]);
    const write = (user: SessionUser, input: { parentId?: string; body: string }) => createComment(db, user, { slug: essay.slug, ...input }, { rateGate: unlimitedCommentRate });
    const top = await write(alice, { body: "问题" });
    const answer = await write(bob, { parentId: top.id, body: "回答" });
    const own = await write(alice, { parentId: top.id, body: "补充" });
    const notices = await db.notification.findMany({ where: { commentId: { in: [answer.id, own.id] } }, select: { kind: true, recipientId: true, actorId: true, commentId: true, readAt: true } });
    expect(notices).toEqual([{ kind: "REPLY", recipientId: alice.id, actorId: bob.id, commentId: answer.id, readAt: null }]);
    expect(await callerFor(alice).notifications.unreadCount()).toEqual({ count: 1 });
  });

  it("returns the author as readers see them, moderator and poll badges included, on comments and replies", async () => {
    const moderator = await createTestUser(db, { role: "MODERATOR" });
    await db.user.update({ where: { id: moderator.id }, data: { showPollBadge: true } });
    const poll = await db.poll.findFirstOrThrow({
      where: { key: "left-web3" },
      select: { id: true, essay: { select: { slug: true } }, options: { orderBy: { position: "asc" }, select: { id: true, key: true } } },
    });
    await callerFor(moderator).polls.vote({ pollId: poll.id, optionIds: [poll.options[1]!.id] });
    const write = (input: { parentId?: string; body: string }) => createComment(db, moderator, { slug: poll.essay.slug, ...input }, { rateGate: unlimitedCommentRate });
    const top = await write({ body: "有徽章" });
    const reply = await write({ parentId: top.id, body: "回复也有" });
    for (const view of [top, reply]) {
      expect(view.author).toMatchObject({ id: moderator.id, isModerator: true, pollBadge: { optionKey: poll.options[1]!.key } });
    }
  });

  it("refuses a reply whose parent is deleted after it was checked, writing nothing", async () => {
    const [a, b] = await Promise.all([createTestUser(db), createTestUser(db)]);
    const parent = await callerFor(a).comments.create({ slug: essay.slug, body: "马上删除" });
    const before = await snapshot();
    // The limiter runs between the first look at the parent and the write: delete it there.
    const deleteParentMeanwhile = async () => {
      await db.comment.update({ where: { id: parent.id }, data: { status: "DELETED", deletedAt: new Date() } });
    };
    await expect(createComment(db, b, { parentId: parent.id, body: "来晚了" }, { rateGate: deleteParentMeanwhile })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const after = await snapshot();
    expect(after.liveEvents).toBe(before.liveEvents);
    expect(after.comments.map(({ id, replyCount }) => ({ id, replyCount }))).toEqual(before.comments.map(({ id, replyCount }) => ({ id, replyCount })));
    expect(await db.notification.count({ where: { recipientId: a.id, actorId: b.id } })).toBe(0);
  });

  it("refuses a signed-out visitor", async () => {
    const before = await snapshot();
    expect(await refusal(() => callerFor(null).comments.create({ body: "hi" }))).toEqual({ code: "UNAUTHORIZED", message: "请先登录。" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an empty body and a body over the limit, counted after normalization, in both languages", async () => {
    const author = await createTestUser(db);
    const before = await snapshot();
    expect(await refusal(() => callerFor(author).comments.create({ body: " \u200B\u200B \n\t\u3000" }))).toEqual({
      code: "BAD_REQUEST",
      message: "评论不能为空。",
    });
    expect(await refusal(() => callerFor(author, "en").comments.create({ body: "字".repeat(10_001) }), "en")).toEqual({
      code: "BAD_REQUEST",
      message: "The comment is too long: at most 10,000 characters, and it has 10,001.",
    });
    expect((await refusal(() => callerFor(author).comments.create({ body: "x".repeat(20_001) }))).message).toBe("评论太长了：最多 10,000 个字符。");
    expect(await snapshot()).toEqual(before);
    // 10,000 characters plus invisible ones is within the limit: they are removed first.
    const atLimit = await callerFor(author).comments.create({ slug: essay.slug, body: `${"字".repeat(10_000)}\u200B\u200B` });
    expect(atLimit.status).toBe("visible");
  });

  it("refuses a reply to a missing, deleted or other-essay comment, and a paragraph on a reply", async () => {
    const [owner, replier] = await Promise.all([createTestUser(db), createTestUser(db)]);
    const deleted = await seedComment(db, { essayId: essay.id, authorId: owner.id, status: "DELETED" });
    const removedWithReplies = await seedComment(db, { essayId: essay.id, authorId: owner.id, status: "REMOVED", replyCount: 1 });
    const onDefault = await callerFor(owner).comments.create({ body: "默认文章上的评论" });
    const before = await snapshot();
    const reply = (input: { parentId: string; slug?: string; paragraphKey?: string }, locale: AppLocale = "zh") =>
      refusal(() => callerFor(replier, locale).comments.create({ ...input, body: "回复" }), locale);

    expect(await reply({ parentId: "no-such-comment" })).toEqual({ code: "NOT_FOUND", message: "要回复的评论不存在。" });
    expect(await reply({ parentId: deleted.id })).toEqual({ code: "BAD_REQUEST", message: "要回复的评论已被删除，不能再回复。" });
    expect(await reply({ parentId: removedWithReplies.id }, "en")).toEqual({
      code: "BAD_REQUEST",
      message: "The comment you are replying to has been deleted, so it takes no more replies.",
    });
    expect(await reply({ parentId: onDefault.id, slug: essay.slug })).toEqual({ code: "BAD_REQUEST", message: "要回复的评论不在这篇文章下。" });
    expect(await reply({ parentId: onDefault.id, paragraphKey: "p1" })).toEqual({
      code: "BAD_REQUEST",
      message: "回复不能再指定段落：段落评论只能是顶层评论。",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a paragraph key the essay does not have, and an unknown essay", async () => {
    const author = await createTestUser(db);
    const before = await snapshot();
    expect(await refusal(() => callerFor(author).comments.create({ slug: essay.slug, paragraphKey: "h1", body: "标题不是段落" }))).toEqual({
      code: "BAD_REQUEST",
      message: "这篇文章没有这个段落（文章可能已更新，请刷新页面）。",
    });
    expect((await refusal(() => callerFor(author).comments.create({ slug: essay.slug, paragraphKey: "nope", body: "x" }))).code).toBe("BAD_REQUEST");
    expect(await refusal(() => callerFor(author).comments.create({ slug: "no-such-essay", body: "x" }))).toEqual({
      code: "NOT_FOUND",
      message: "找不到这篇文章。",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("limits an account to one comment per 5 s, and says how long to wait", async () => {
    expect(commentRateLimits["comment-burst"]).toEqual({ max: 1, windowMs: 5_000 });
    expect(commentRateLimits["comment-hourly"]).toEqual({ max: 30, windowMs: 3_600_000 });
    const author = await createTestUser(db);
    await callerFor(author).comments.create({ slug: essay.slug, body: "第一条" });
    const before = await snapshot();
    const refused = await refusal(() => callerFor(author).comments.create({ slug: essay.slug, body: "第二条" }));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(/^发评论太频繁了，请 [1-5] 秒后再试。$/);
    expect(await snapshot()).toEqual(before);
    // Another account is not held back.
    await callerFor(await createTestUser(db)).comments.create({ slug: essay.slug, body: "别人" });
  });
});

describe("comments.get", () => {
  it("answers NOT_FOUND for a missing comment and for a deleted one without replies", async () => {
    const author = await createTestUser(db);
    const gone = await seedComment(db, { essayId: essay.id, authorId: author.id, status: "DELETED" });
    for (const commentId of ["missing", gone.id]) {
      expect(await refusal(() => callerFor(null).comments.get({ commentId }))).toEqual({ code: "NOT_FOUND", message: "找不到这条评论，它可能已被删除。" });
    }
  });

  it("shows a tombstone with replies without its text or author", async () => {
    const author = await createTestUser(db);
    const tomb = await seedComment(db, { essayId: essay.id, authorId: author.id, status: "DELETED", replyCount: 1 });
    const view = await callerFor(author).comments.get({ commentId: tomb.id });
    expect(view).toMatchObject({ status: "deleted", bodyHtml: null, author: null, viewer: { isAuthor: false, canEdit: false, canDelete: false } });
  });
});
