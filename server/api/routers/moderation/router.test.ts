/**
 * moderation.* through the router: pre-moderation and approval, rejection with a reason its
 * author sees, reports resolved with the decision, two moderators at once (one decision, one
 * audit entry), the queue's contents, claims, the audit log, and authorization.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { createCommentEssay, seedComment } from "@/server/comments/testing/comment-fixture.ts";
import { forgetCommentCounts } from "@/server/comments/counts.ts";
import { commentsChannel } from "@/server/live/channels.ts";
import { decodeLivePayload } from "@/server/live/event-store.ts";
import { post, readerAged, setSiteSettings, setWatchedTerms } from "@/server/moderation/testing/moderation-fixture.ts";
import { reportComment } from "@/server/api/routers/comments/report-comment.ts";
import { createTestCaller } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { refusal } from "@/server/test/refusal.ts";
import { moderationRouter } from "./router.ts";

const database = useTestDatabase();
let db: Db;
let essay: { id: string; slug: string };
let moderator: SessionUser;
beforeAll(async () => {
  db = database().db;
  moderator = await readerAged(db, 100, "MODERATOR");
});
beforeEach(async () => {
  essay = await createCommentEssay(db);
  await setSiteSettings(db, { premoderateFirstN: 1, flagHideThreshold: 3 });
  await setWatchedTerms(db, []);
  // Earlier tests' items leave the queues, so each test reads only its own.
  await db.comment.updateMany({ where: { status: "HELD" }, data: { status: "DELETED" } });
  await db.comment.updateMany({ where: { flagScore: { gt: 0 } }, data: { flagScore: 0 } });
});

const as = (user: SessionUser | null, request = { ip: "198.51.100.9", userAgent: "console test" }) => createTestCaller({ db, user, locale: "en", request });
const events = async () => (await db.liveEvent.findMany({ where: { channel: commentsChannel(essay.id) }, orderBy: { id: "asc" } })).map((e) => decodeLivePayload(e.payload));
const publicIds = async () => {
  forgetCommentCounts(db, essay.id);
  const page = await as(null).comments.list({ slug: essay.slug, sort: "oldest" });
  return { ids: page.items.map((item) => item.id), total: page.totalCount };
};

describe("pre-moderation and approval", () => {
  it("a new account's first comment waits; approved, it is public, announced as new, and logged with who and from where", async () => {
    const newcomer = await readerAged(db, 0);
    const held = await post(db, newcomer, { slug: essay.slug, body: "我的第一条评论" });
    expect(held.moderation?.state).toBe("held");
    expect(await publicIds()).toEqual({ ids: [], total: 0 });
    expect(await as(moderator).moderation.counts()).toMatchObject({ held: 1 });

    const queue = await as(moderator).moderation.queue({ kind: "held" });
    expect(queue.items.map((item) => [item.comment.id, item.comment.reason, item.author.commentCount])).toEqual([[held.id, "premoderation", 1]]);
    expect(queue.items[0]!.decisions).toMatchObject([{ rule: "premoderation", action: "hold" }]);

    expect(await as(moderator).moderation.approve({ commentIds: [held.id] })).toEqual({ results: [{ commentId: held.id, outcome: "done" }] });

    expect(await publicIds()).toEqual({ ids: [held.id], total: 1 });
    expect(await events()).toMatchObject([{ type: "created", comment: { id: held.id, status: "visible", bodyHtml: expect.stringContaining("我的第一条评论") } }]);
    expect((await as(newcomer).comments.mine({ slug: essay.slug })).items).toEqual([]);
    const [entry] = await db.moderationLog.findMany({ where: { targetId: held.id, actorId: moderator.id } });
    expect(entry).toMatchObject({ action: "approve", ip: "198.51.100.9", userAgent: "console test", before: { status: "HELD" }, after: { status: "VISIBLE" } });
    // Published, it now counts: the next comment goes straight out.
    expect((await post(db, newcomer, { slug: essay.slug, body: "第二条" })).moderation).toBeUndefined();
  });

  it("an approved held reply is counted on its parent and tells the parent's author", async () => {
    const [parentAuthor, newcomer] = await Promise.all([readerAged(db, 30), readerAged(db, 0)]);
    const parent = await seedComment(db, { essayId: essay.id, authorId: parentAuthor.id });
    const reply = await post(db, newcomer, { slug: essay.slug, parentId: parent.id, body: "回复" });
    await as(moderator).moderation.approve({ commentIds: [reply.id] });
    expect(await db.comment.findUniqueOrThrow({ where: { id: parent.id }, select: { replyCount: true } })).toEqual({ replyCount: 1 });
    expect(await db.notification.count({ where: { recipientId: parentAuthor.id, commentId: reply.id } })).toBe(1);
  });

  it("two moderators approving at the same moment make one decision and one audit entry", async () => {
    const other = await readerAged(db, 100, "MODERATOR");
    const held = await post(db, await readerAged(db, 0), { slug: essay.slug, body: "等待" });

    const [first, second] = await Promise.all([
      as(moderator).moderation.approve({ commentIds: [held.id] }),
      as(other).moderation.approve({ commentIds: [held.id] }),
    ]);

    expect([first.results[0]!.outcome, second.results[0]!.outcome].sort()).toEqual(["done", "skipped"]);
    expect(await db.moderationLog.count({ where: { targetId: held.id, action: "approve" } })).toBe(1);
    expect((await events()).filter((e) => (e as { type: string }).type === "created")).toHaveLength(1);
  });
});

describe("rejection, reports and restore", () => {
  it("rejecting a reported comment removes it with the reason and note its author sees, and upholds its reports", async () => {
    const [author, r1, r2] = await Promise.all([readerAged(db, 30), readerAged(db, 30), readerAged(db, 30)]);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id, body: "广告" });
    await reportComment(db, r1, { commentId: comment.id, reason: "spam" }, { rateLimited: false });
    await reportComment(db, r2, { commentId: comment.id, reason: "other", text: "推销" }, { rateLimited: false });

    const reported = await as(moderator).moderation.queue({ kind: "reported" });
    expect(reported.items.map((item) => item.comment.id)).toEqual([comment.id]);
    expect(reported.items[0]!.reports.map((r) => [r.reason, r.weight, r.text]).sort()).toEqual([
      ["other", 1, "推销"],
      ["spam", 1, null],
    ]);

    await as(moderator).moderation.reject({ commentIds: [comment.id], reason: "spam", note: "请勿发广告" });

    expect(await publicIds()).toEqual({ ids: [], total: 0 });
    expect(await events()).toEqual([{ type: "deleted", commentId: comment.id, outcome: "gone" }]);
    expect((await as(author).comments.mine({ slug: essay.slug })).items.map((item) => item.moderation)).toEqual([
      { state: "removed", reason: "spam", note: "请勿发广告" },
    ]);
    expect(await db.report.findMany({ where: { commentId: comment.id }, select: { status: true } })).toEqual([{ status: "UPHELD" }, { status: "UPHELD" }]);
    expect((await as(moderator).moderation.queue({ kind: "rejected" })).items.map((item) => [item.comment.id, item.comment.reason, item.comment.note])).toEqual([
      [comment.id, "spam", "请勿发广告"],
    ]);
    expect((await as(moderator).moderation.counts()).reported).toBe(0);

    // Restored, it is back for everyone.
    await as(moderator).moderation.restore({ commentIds: [comment.id] });
    expect(await publicIds()).toEqual({ ids: [comment.id], total: 1 });
  });

  it("approving a reported comment dismisses its reports and empties its score", async () => {
    const [author, reader] = await Promise.all([readerAged(db, 30), readerAged(db, 30)]);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id });
    await reportComment(db, reader, { commentId: comment.id, reason: "hate" }, { rateLimited: false });
    await as(moderator).moderation.approve({ commentIds: [comment.id] });
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { status: true, flagScore: true } })).toEqual({ status: "VISIBLE", flagScore: 0 });
    expect(await db.report.findMany({ where: { commentId: comment.id }, select: { status: true } })).toEqual([{ status: "DISMISSED" }]);
    expect((await as(moderator).moderation.queue({ kind: "approved" })).items.map((item) => item.comment.id)).toContain(comment.id);
  });

  it("a moderator cannot act on an administrator's comment; an administrator can", async () => {
    const admin = await readerAged(db, 100, "ADMIN");
    const comment = await seedComment(db, { essayId: essay.id, authorId: admin.id });
    expect(await as(moderator).moderation.reject({ commentIds: [comment.id], reason: "other" })).toEqual({ results: [{ commentId: comment.id, outcome: "forbidden" }] });
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { status: true } })).toEqual({ status: "VISIBLE" });
    const otherAdmin = await readerAged(db, 100, "ADMIN");
    expect((await as(otherAdmin).moderation.feature({ commentIds: [comment.id] })).results[0]!.outcome).toBe("done");
  });
});

describe("the held queue's context, claims and the audit log", () => {
  it("shows the matched span, the parent's excerpt and the author's record", async () => {
    await setWatchedTerms(db, [{ term: "赌博", action: "HOLD", tag: "gambling" }]);
    const [parentAuthor, author] = await Promise.all([readerAged(db, 30), readerAged(db, 30)]);
    const parent = await seedComment(db, { essayId: essay.id, authorId: parentAuthor.id, body: "**上一条**说得好" });
    await db.sanction.create({ data: { userId: author.id, kind: "WARNING", reason: "be civil", acknowledgedAt: null, endsAt: new Date(Date.now() - 1) } });
    await setSiteSettings(db, { premoderateFirstN: 0 });
    const held = await post(db, author, { slug: essay.slug, parentId: parent.id, body: "网上赌博害人" });

    const [item] = (await as(moderator).moderation.queue({ kind: "held" })).items;
    expect(item!.comment).toMatchObject({ id: held.id, status: "held", reason: "watched_word", permalink: `/c/${held.id}`, parent: { id: parent.id, excerpt: "上一条说得好" } });
    expect(item!.decisions[0]!.spans).toEqual([{ field: "body", term: "赌博", action: "hold", tag: "gambling", start: 2, end: 4, text: "赌博" }]);
    expect(item!.comment.body.slice(2, 4)).toBe("赌博");
    expect(item!.author).toMatchObject({ id: author.id, commentCount: 1, rejectedCount: 0, activeSanction: null });
    expect(item!.claim).toBeNull();
  });

  it("a claim shows on the other moderator's screen until it expires or is released", async () => {
    const other = await readerAged(db, 100, "MODERATOR");
    const held = await post(db, await readerAged(db, 0), { slug: essay.slug, body: "认领" });

    expect(await as(moderator).moderation.claim({ commentId: held.id })).toMatchObject({ moderatorId: moderator.id, mine: true });
    expect(await as(other).moderation.claim({ commentId: held.id })).toMatchObject({ moderatorId: moderator.id, mine: false });
    const [item] = (await as(other).moderation.queue({ kind: "held" })).items;
    expect(item!.claim).toMatchObject({ moderatorId: moderator.id, mine: false });

    expect(await as(other).moderation.release({ commentId: held.id })).toEqual({ released: false });
    expect(await as(moderator).moderation.release({ commentId: held.id })).toEqual({ released: true });
    expect(await as(other).moderation.claim({ commentId: held.id })).toMatchObject({ moderatorId: other.id, mine: true });
    // Expired, anyone takes it.
    await db.reviewClaim.update({ where: { commentId: held.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await as(moderator).moderation.claim({ commentId: held.id })).toMatchObject({ moderatorId: moderator.id, mine: true });
  });

  it("the audit log lists decisions newest first, filtered by actor and by rule, page by page", async () => {
    const actor = await readerAged(db, 100, "MODERATOR");
    const comments = await Promise.all([1, 2, 3].map(async () => (await post(db, await readerAged(db, 0), { slug: essay.slug, body: `等待 ${Math.random()}` })).id));
    for (const id of comments) await as(actor).moderation.approve({ commentIds: [id] });

    const first = await as(moderator).moderation.log({ actorId: actor.id, limit: 2 });
    expect(first.items.map((e) => e.targetId)).toEqual([comments[2], comments[1]]);
    const second = await as(moderator).moderation.log({ actorId: actor.id, limit: 2, cursor: first.nextCursor });
    expect(second).toMatchObject({ items: [{ targetId: comments[0], action: "approve", actor: { id: actor.id } }], nextCursor: null });
    const automatic = await as(moderator).moderation.log({ rule: "premoderation", targetId: comments[0] });
    expect(automatic.items).toMatchObject([{ actor: null, rule: "premoderation", action: "hold" }]);
  });
});

describe("authorization", () => {
  it("refuses every procedure to a reader (FORBIDDEN) and a visitor (UNAUTHORIZED), changing nothing", async () => {
    const reader = await readerAged(db, 30);
    const held = await post(db, await readerAged(db, 0), { slug: essay.slug, body: "不该被读者处理" });
    const ids = { commentIds: [held.id] };
    const calls: Record<keyof typeof moderationRouter._def.procedures, (c: ReturnType<typeof as>) => Promise<unknown>> = {
      queue: (c) => c.moderation.queue({ kind: "held" }),
      counts: (c) => c.moderation.counts(),
      queueEvents: (c) => c.moderation.queueEvents(),
      approve: (c) => c.moderation.approve(ids),
      reject: (c) => c.moderation.reject({ ...ids, reason: "spam" }),
      restore: (c) => c.moderation.restore(ids),
      feature: (c) => c.moderation.feature(ids),
      unfeature: (c) => c.moderation.unfeature(ids),
      claim: (c) => c.moderation.claim({ commentId: held.id }),
      release: (c) => c.moderation.release({ commentId: held.id }),
      log: (c) => c.moderation.log({}),
      person: (c) => c.moderation.person({ userId: reader.id }),
      sanction: (c) => c.moderation.sanction({ userId: reader.id, kind: "ban", reason: "x" }),
      liftSanction: (c) => c.moderation.liftSanction({ sanctionId: "s" }),
      addNote: (c) => c.moderation.addNote({ userId: reader.id, body: "note" }),
      essaySettings: (c) => c.moderation.essaySettings({ slug: essay.slug }),
      updateEssaySettings: (c) => c.moderation.updateEssaySettings({ slug: essay.slug, lock: { message: "locked" } }),
      siteSettings: (c) => c.moderation.siteSettings(),
      updateSiteSettings: (c) => c.moderation.updateSiteSettings({ premoderateFirstN: 5 }),
    };
    const logBefore = await db.moderationLog.count();
    for (const [name, call] of Object.entries(calls)) {
      expect((await refusal(() => call(as(reader)), "en")).code, name).toBe("FORBIDDEN");
      expect((await refusal(() => call(as(null)), "en")).code, name).toBe("UNAUTHORIZED");
    }
    expect(await db.comment.findUniqueOrThrow({ where: { id: held.id }, select: { status: true } })).toEqual({ status: "HELD" });
    expect(await db.reviewClaim.count({ where: { commentId: held.id } })).toBe(0);
    expect(await db.moderationLog.count()).toBe(logBefore);
    expect(await db.sanction.count({ where: { userId: reader.id } })).toBe(0);
    expect(await db.essay.findUniqueOrThrow({ where: { id: essay.id }, select: { commentsLockedAt: true } })).toEqual({ commentsLockedAt: null });
    expect((await db.siteSetting.findUniqueOrThrow({ where: { id: 1 } })).premoderateFirstN).toBe(1);
    // Site settings are for admins only: a moderator is refused too.
    expect((await refusal(() => as(moderator).moderation.updateSiteSettings({ premoderateFirstN: 5 }), "en")).code).toBe("FORBIDDEN");
  });
});
