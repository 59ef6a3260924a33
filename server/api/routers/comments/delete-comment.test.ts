/**
 * comments.delete: soft deletion by the author or a moderator, the two tombstone cases, the
 * cascade up through empty tombstones, refusals, and replyCount kept exact under concurrent
 * replies and deletions.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { unlimitedCommentRate } from "@/server/comments/rate-limits.ts";
import { commentRow, createCommentEssay, seedComment } from "@/server/comments/testing/comment-fixture.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { createTestUser } from "@/server/test/caller.ts";
import { callerOn, lastCommentEvents, refusal, useCommentTestDatabase } from "@/server/comments/testing/comment-test-context.ts";
import { createComment } from "./create-comment.ts";
import { deleteComment } from "./delete-comment.ts";
import { replyCountDrift } from "./testing-invariants.ts";

const context = useCommentTestDatabase();
let db: Db;
let essay: { id: string; slug: string };
beforeAll(() => {
  ({ db, essay } = context);
});
const callerFor = (user: SessionUser | null, locale: AppLocale = "zh") => callerOn(db)(user, locale);
const state = (id: string) => db.comment.findUniqueOrThrow({ where: { id }, select: { status: true, replyCount: true, body: true, deletedAt: true } });

describe("comments.delete", () => {
  it("a comment without replies is gone: hidden, parent's replyCount down, text kept in the database only", async () => {
    const [author, replier] = await Promise.all([createTestUser(db), createTestUser(db)]);
    const parent = await seedComment(db, { essayId: essay.id, authorId: author.id, replyCount: 1 });
    const reply = await seedComment(db, { essayId: essay.id, authorId: replier.id, parent, body: "说错了" });

    expect(await callerFor(replier).comments.delete({ commentId: reply.id })).toEqual({ commentId: reply.id, outcome: "gone" });
    expect(await state(reply.id)).toMatchObject({ status: "DELETED", body: "说错了" });
    expect((await state(reply.id)).deletedAt).not.toBeNull();
    expect((await state(parent.id)).replyCount).toBe(0);
    expect((await callerFor(null).comments.replies({ parentId: parent.id })).items).toEqual([]);
    expect((await refusal(() => callerFor(null).comments.get({ commentId: reply.id }))).code).toBe("NOT_FOUND");
    expect(await lastCommentEvents(db, essay.id)).toEqual([{ type: "deleted", commentId: reply.id, outcome: "gone" }]);
  });

  it("a comment with replies becomes a tombstone that keeps the thread", async () => {
    const [author, replier] = await Promise.all([createTestUser(db), createTestUser(db)]);
    const parent = await seedComment(db, { essayId: essay.id, authorId: author.id, replyCount: 1 });
    await seedComment(db, { essayId: essay.id, authorId: replier.id, parent });

    expect(await callerFor(author).comments.delete({ commentId: parent.id })).toEqual({ commentId: parent.id, outcome: "tombstone" });
    const view = await callerFor(null).comments.get({ commentId: parent.id });
    expect(view).toMatchObject({ status: "deleted", bodyHtml: null, author: null, replyCount: 1 });
    expect(JSON.stringify(view)).not.toContain(parent.body);
  });

  it("cascades: deleting the last reply under a tombstone takes the tombstone with it", async () => {
    const users = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db)]);
    const top = await seedComment(db, { essayId: essay.id, authorId: users[0]!.id, replyCount: 1 });
    const middle = await seedComment(db, { essayId: essay.id, authorId: users[1]!.id, parent: top, status: "DELETED", replyCount: 1 });
    const upper = await seedComment(db, { essayId: essay.id, authorId: users[1]!.id, parent: middle, status: "REMOVED", replyCount: 1 });
    // Two tombstones in a row above the leaf: both go.
    const leaf = await seedComment(db, { essayId: essay.id, authorId: users[2]!.id, parent: upper });

    expect(await callerFor(users[2]!).comments.delete({ commentId: leaf.id })).toEqual({ commentId: leaf.id, outcome: "gone" });
    expect(await state(upper.id)).toMatchObject({ replyCount: 0 });
    expect(await state(middle.id)).toMatchObject({ replyCount: 0 });
    expect(await state(top.id)).toMatchObject({ status: "VISIBLE", replyCount: 0 });
    for (const id of [upper.id, middle.id]) expect((await refusal(() => callerFor(null).comments.get({ commentId: id }))).code).toBe("NOT_FOUND");
    expect(await lastCommentEvents(db, essay.id, 3)).toEqual([
      { type: "deleted", commentId: leaf.id, outcome: "gone" },
      { type: "deleted", commentId: upper.id, outcome: "gone" },
      { type: "deleted", commentId: middle.id, outcome: "gone" },
    ]);
  });

  it("tells the live channel which paragraph's margin count a comment left (not for a tombstone, which still counts)", async () => {
    const [author, replier, moderator] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db, { role: "MODERATOR" })]);
    const top = await seedComment(db, { essayId: essay.id, authorId: author.id, paragraphKey: "p1", replyCount: 1 });
    const middle = await seedComment(db, { essayId: essay.id, authorId: replier.id, parent: top, status: "DELETED", replyCount: 1 });
    const leaf = await seedComment(db, { essayId: essay.id, authorId: replier.id, parent: middle });
    const kept = await seedComment(db, { essayId: essay.id, authorId: author.id, paragraphKey: "p2", replyCount: 1 });
    await seedComment(db, { essayId: essay.id, authorId: replier.id, parent: kept });

    await callerFor(moderator).comments.delete({ commentId: leaf.id });
    expect(await lastCommentEvents(db, essay.id, 2)).toEqual([
      { type: "deleted", commentId: leaf.id, outcome: "gone", paragraphKey: "p1" },
      { type: "deleted", commentId: middle.id, outcome: "gone", paragraphKey: "p1" },
    ]);
    await callerFor(author).comments.delete({ commentId: kept.id });
    expect(await lastCommentEvents(db, essay.id)).toEqual([{ type: "deleted", commentId: kept.id, outcome: "tombstone" }]);
    expect(await callerFor(null).comments.paragraphCounts({ slug: essay.slug })).toMatchObject({ p1: 1, p2: 2 });
  });

  it("a moderator removes (REMOVED, in the audit log), an author deletes (DELETED), even when the author is a moderator", async () => {
    const [author, moderator] = await Promise.all([createTestUser(db), createTestUser(db, { role: "MODERATOR" })]);
    const theirs = await seedComment(db, { essayId: essay.id, authorId: author.id });
    const own = await seedComment(db, { essayId: essay.id, authorId: moderator.id });
    await callerFor(moderator).comments.delete({ commentId: theirs.id });
    await callerFor(moderator).comments.delete({ commentId: own.id });
    expect((await state(theirs.id)).status).toBe("REMOVED");
    expect((await state(own.id)).status).toBe("DELETED");
    expect(await db.moderationLog.findMany({ where: { targetId: { in: [theirs.id, own.id] } }, select: { actorId: true, action: true, targetId: true, ip: true } })).toEqual([
      { actorId: moderator.id, action: "remove", targetId: theirs.id, ip: "127.0.0.1" },
    ]);
  });

  it("refuses someone else, a signed-out visitor, a tombstone and a missing comment, changing nothing", async () => {
    const [author, other] = await Promise.all([createTestUser(db), createTestUser(db)]);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id });
    const tomb = await seedComment(db, { essayId: essay.id, authorId: author.id, status: "DELETED", replyCount: 1 });
    const before = await Promise.all([state(comment.id), state(tomb.id), db.liveEvent.count()]);

    expect(await refusal(() => callerFor(other).comments.delete({ commentId: comment.id }))).toEqual({
      code: "FORBIDDEN",
      message: "只有作者本人或版主可以删除这条评论。",
    });
    expect(await refusal(() => callerFor(other).comments.delete({ commentId: comment.id }), "en")).toEqual({
      code: "FORBIDDEN",
      message: "Only its author or a moderator can delete this comment.",
    });
    expect((await refusal(() => callerFor(null).comments.delete({ commentId: comment.id }))).code).toBe("UNAUTHORIZED");
    expect(await refusal(() => callerFor(author).comments.delete({ commentId: tomb.id }))).toEqual({ code: "BAD_REQUEST", message: "这条评论已被删除。" });
    expect((await refusal(() => callerFor(author).comments.delete({ commentId: "missing" }))).code).toBe("NOT_FOUND");
    expect(await Promise.all([state(comment.id), state(tomb.id), db.liveEvent.count()])).toEqual(before);
  });

  it("keeps every replyCount exact under concurrent replies and deletions in one thread", async () => {
    // An essay of its own: other tests seed tombstones without their replies.
    const essay = await createCommentEssay(db);
    const users = await Promise.all(Array.from({ length: 12 }, () => createTestUser(db)));
    const root = await seedComment(db, { essayId: essay.id, authorId: users[0]!.id, replyCount: 10 });
    const children = Array.from({ length: 10 }, (_, i) => commentRow({ essayId: essay.id, authorId: users[i + 1]!.id, parent: root, createdAt: new Date(Date.now() + i) }));
    await db.comment.createMany({ data: children });

    // Replies to the root and to children, while the children (and the root) are being deleted.
    const results = await Promise.allSettled([
      ...children.map((child, i) => deleteComment(db, users[i + 1]!, child.id)),
      ...children.map((child, i) => createComment(db, users[(i + 5) % 12]!, { parentId: child.id, body: `回复 ${i}` }, { rateGate: unlimitedCommentRate })),
      ...users.map((user, i) => createComment(db, user, { parentId: root.id, body: `顶层回复 ${i}` }, { rateGate: unlimitedCommentRate })),
      deleteComment(db, users[0]!, root.id),
    ]);
    // Only replies to an already deleted comment may be refused.
    for (const result of results) {
      if (result.status === "rejected") expect(String(result.reason)).toMatch(/comments\.parentDeleted|comments\.notFound/);
    }
    expect(await replyCountDrift(db, essay.id)).toEqual([]);
    // Every accepted reply was written once.
    const createdReplies = results.slice(children.length).filter((r) => r.status === "fulfilled" && typeof r.value === "object" && r.value !== null && "id" in r.value);
    expect(await db.comment.count({ where: { essayId: essay.id } })).toBe(1 + children.length + createdReplies.length);
  });
});
