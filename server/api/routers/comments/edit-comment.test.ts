/**
 * comments.edit, comments.history and comments.source: the grace window (silent edits), edits
 * after it (a public revision, the "edited" mark), no-op edits, and who may edit.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { unlimitedCommentRate } from "@/server/comments/rate-limits.ts";
import { seedComment } from "@/server/comments/testing/comment-fixture.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { createTestUser } from "@/server/test/caller.ts";
import { callerOn, lastCommentEvents, refusal, useCommentTestDatabase } from "@/server/comments/testing/comment-test-context.ts";
import { editComment, editGraceMs } from "./edit-comment.ts";

const context = useCommentTestDatabase();
let db: Db;
let essay: { id: string; slug: string };
beforeAll(() => {
  ({ db, essay } = context);
});
const callerFor = (user: SessionUser | null, locale: AppLocale = "zh") => callerOn(db)(user, locale);
const stored = (id: string) => db.comment.findUniqueOrThrow({ where: { id }, select: { body: true, bodyHtml: true, editedAt: true, status: true } });

describe("comments.edit", () => {
  it("edits silently within 10 minutes of writing: no revision, not marked edited", async () => {
    expect(editGraceMs).toBe(10 * 60_000);
    const author = await createTestUser(db);
    const written = new Date("2026-11-01T10:00:00Z");
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id, body: "错别子", createdAt: written });
    const justBefore = new Date(written.getTime() + editGraceMs - 1);
    const view = await editComment(db, author, { commentId: comment.id, body: "错别字" }, { now: justBefore, rateGate: unlimitedCommentRate });

    expect(view).toMatchObject({ bodyHtml: "<p>错别字</p>", editedAt: null });
    expect(await db.commentRevision.count({ where: { commentId: comment.id } })).toBe(0);
    expect(await callerFor(null).comments.history({ commentId: comment.id })).toEqual({ commentId: comment.id, revisions: [] });
    expect(await lastCommentEvents(db, essay.id)).toMatchObject([{ type: "edited", comment: { id: comment.id, bodyHtml: "<p>错别字</p>", viewer: null } }]);
  });

  it("after the window keeps the replaced text as a public revision and marks the comment edited", async () => {
    const author = await createTestUser(db);
    const written = new Date("2026-11-01T10:00:00Z");
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id, body: "第一版", createdAt: written });
    const first = new Date(written.getTime() + editGraceMs);
    const second = new Date(first.getTime() + 60_000);
    await editComment(db, author, { commentId: comment.id, body: "第二版" }, { now: first, rateGate: unlimitedCommentRate });
    const view = await editComment(db, author, { commentId: comment.id, body: "**第三版**" }, { now: second, rateGate: unlimitedCommentRate });

    expect(view.editedAt).toEqual(second);
    expect(view.bodyHtml).toBe("<p><strong>第三版</strong></p>");
    expect(await callerFor(null).comments.history({ commentId: comment.id })).toEqual({
      commentId: comment.id,
      revisions: [
        { bodyHtml: "<p>第一版</p>", replacedAt: first },
        { bodyHtml: "<p>第二版</p>", replacedAt: second },
      ],
    });
    expect((await stored(comment.id)).body).toBe("**第三版**");
  });

  it("treats an unchanged text (after normalization) as a no-op", async () => {
    const author = await createTestUser(db);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id, body: "不变", createdAt: new Date("2026-01-01T00:00:00Z") });
    const events = await db.liveEvent.count();
    const view = await callerFor(author).comments.edit({ commentId: comment.id, body: "不变\u200B  \n" });
    expect(view.editedAt).toBeNull();
    expect(await db.commentRevision.count({ where: { commentId: comment.id } })).toBe(0);
    expect(await db.liveEvent.count()).toBe(events);
  });

  it("edits through the router with the real clock: an old comment becomes edited", async () => {
    const author = await createTestUser(db);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id, body: "旧", createdAt: new Date(Date.now() - 11 * 60_000) });
    const view = await callerFor(author).comments.edit({ commentId: comment.id, body: "新" });
    expect(view.editedAt).not.toBeNull();
    expect((await callerFor(null).comments.history({ commentId: comment.id })).revisions.map((r) => r.bodyHtml)).toEqual(["<p>旧</p>"]);
  });

  it("refuses someone else, a tombstone, a missing comment, an empty text and a signed-out visitor, changing nothing", async () => {
    const [author, other, moderator] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db, { role: "MODERATOR" })]);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id, body: "原文" });
    const tomb = await seedComment(db, { essayId: essay.id, authorId: author.id, status: "DELETED", replyCount: 2 });
    const before = await Promise.all([stored(comment.id), stored(tomb.id), db.commentRevision.count()]);

    expect(await refusal(() => callerFor(other).comments.edit({ commentId: comment.id, body: "篡改" }))).toEqual({
      code: "FORBIDDEN",
      message: "只有作者本人可以编辑这条评论。",
    });
    expect(await refusal(() => callerFor(moderator).comments.edit({ commentId: comment.id, body: "篡改" }), "en")).toEqual({
      code: "FORBIDDEN",
      message: "Only its author can edit this comment.",
    });
    expect(await refusal(() => callerFor(author).comments.edit({ commentId: tomb.id, body: "复活" }))).toEqual({ code: "BAD_REQUEST", message: "这条评论已被删除。" });
    expect((await refusal(() => callerFor(author).comments.edit({ commentId: "missing", body: "x" }))).code).toBe("NOT_FOUND");
    expect(await refusal(() => callerFor(author).comments.edit({ commentId: comment.id, body: "\u200B" }))).toEqual({ code: "BAD_REQUEST", message: "评论不能为空。" });
    expect((await refusal(() => callerFor(null).comments.edit({ commentId: comment.id, body: "x" }))).code).toBe("UNAUTHORIZED");
    expect(await Promise.all([stored(comment.id), stored(tomb.id), db.commentRevision.count()])).toEqual(before);
  });

  it("limits edits per account", async () => {
    const author = await createTestUser(db);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id });
    for (let i = 0; i < 20; i++) await callerFor(author).comments.edit({ commentId: comment.id, body: `第 ${i} 版` });
    const refused = await refusal(() => callerFor(author).comments.edit({ commentId: comment.id, body: "再改" }));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(/^编辑太频繁了，请 \d+ 秒后再试。$/);
    expect((await stored(comment.id)).body).toBe("第 19 版");
  });
});

describe("comments.history and comments.source", () => {
  it("history is NOT_FOUND for a tombstone; source is only for the author", async () => {
    const [author, other] = await Promise.all([createTestUser(db), createTestUser(db)]);
    const tomb = await seedComment(db, { essayId: essay.id, authorId: author.id, status: "REMOVED", replyCount: 1 });
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id, body: "*源文*" });
    expect((await refusal(() => callerFor(null).comments.history({ commentId: tomb.id }))).code).toBe("NOT_FOUND");
    expect(await callerFor(author).comments.source({ commentId: comment.id })).toEqual({ commentId: comment.id, body: "*源文*" });
    expect((await refusal(() => callerFor(other).comments.source({ commentId: comment.id }))).code).toBe("FORBIDDEN");
    expect((await refusal(() => callerFor(author).comments.source({ commentId: tomb.id }))).code).toBe("FORBIDDEN");
    expect((await refusal(() => callerFor(null).comments.source({ commentId: comment.id }))).code).toBe("UNAUTHORIZED");
  });
});
