/**
 * comments.report and community hiding: weights from the reporter's record, the threshold holding
 * a comment exactly once under concurrent reports, and every refusal changing nothing.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { createCommentEssay, seedComment } from "@/server/comments/testing/comment-fixture.ts";
import { commentsChannel, moderationQueueChannel } from "@/server/live/channels.ts";
import { decodeLivePayload } from "@/server/live/event-store.ts";
import { readerAged, setSiteSettings } from "@/server/moderation/testing/moderation-fixture.ts";
import { createTestCaller } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { refusal } from "@/server/test/refusal.ts";
import { reportComment } from "./report-comment.ts";

const database = useTestDatabase();
let db: Db;
let essay: { id: string; slug: string };
beforeAll(() => {
  db = database().db;
});
beforeEach(async () => {
  essay = await createCommentEssay(db);
  await setSiteSettings(db, { flagHideThreshold: 3, newAccountDays: 7 });
});

const report = (user: SessionUser, commentId: string, reason: "spam" | "other" = "spam", text?: string) =>
  reportComment(db, user, { commentId, reason, ...(text === undefined ? {} : { text }) }, { rateLimited: false });
const stateOf = (id: string) => db.comment.findUniqueOrThrow({ where: { id }, select: { status: true, flagScore: true, moderationReason: true } });
const commentEvents = async () =>
  (await db.liveEvent.findMany({ where: { channel: commentsChannel(essay.id) }, orderBy: { id: "asc" } })).map((e) => decodeLivePayload(e.payload));

describe("comments.report", () => {
  it("adds each reporter's weight; three ordinary reports hold the comment with community_flags", async () => {
    const author = await readerAged(db, 30);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id });
    const [a, b, fresh, c] = await Promise.all([readerAged(db, 30), readerAged(db, 30), readerAged(db, 1), readerAged(db, 30)]);

    await report(a, comment.id);
    await report(b, comment.id);
    await report(fresh, comment.id); // a new account weighs half
    expect(await stateOf(comment.id)).toEqual({ status: "VISIBLE", flagScore: 2.5, moderationReason: null });
    expect(await commentEvents()).toEqual([]);

    await report(c, comment.id);
    expect(await stateOf(comment.id)).toEqual({ status: "HELD", flagScore: 3.5, moderationReason: "community_flags" });
    expect(await commentEvents()).toEqual([{ type: "deleted", commentId: comment.id, outcome: "gone" }]);
    expect((await createTestCaller({ db }).comments.list({ slug: essay.slug })).items).toEqual([]);
    // The author still sees it, marked, through comments.mine.
    const mine = await createTestCaller({ db, user: author }).comments.mine({ slug: essay.slug });
    expect(mine.items[0]!.moderation).toEqual({ state: "held", reason: "community_flags", note: null });
    expect(await db.moderationLog.count({ where: { targetId: comment.id, rule: "community_flags" } })).toBe(1);
  });

  it("weighs by the reporter's record: upheld reports count more, dismissed ones less", async () => {
    const author = await readerAged(db, 30);
    const [reliable, unreliable] = await Promise.all([readerAged(db, 30), readerAged(db, 30)]);
    const past = await seedComment(db, { essayId: essay.id, authorId: author.id });
    // Their earlier reports, decided by moderators (one comment, several old reports each).
    for (let i = 0; i < 8; i++) {
      const old = await seedComment(db, { essayId: essay.id, authorId: author.id });
      await db.report.createMany({
        data: [
          { commentId: old.id, reporterId: reliable.id, reason: "SPAM", weight: 1, status: "UPHELD" },
          { commentId: old.id, reporterId: unreliable.id, reason: "SPAM", weight: 1, status: "DISMISSED" },
        ],
      });
    }
    await report(reliable, past.id);
    await report(unreliable, past.id);
    const weights = await db.report.findMany({ where: { commentId: past.id }, select: { reporterId: true, weight: true } });
    expect(Object.fromEntries(weights.map((w) => [w.reporterId, w.weight]))).toEqual({ [reliable.id]: 1.8, [unreliable.id]: 0.2 });
  });

  it("holds the comment once when many report at the same moment", async () => {
    const author = await readerAged(db, 30);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id });
    const reporters = await Promise.all(Array.from({ length: 8 }, () => readerAged(db, 30)));
    const queueEventsBefore = await db.liveEvent.count({ where: { channel: moderationQueueChannel } });

    await Promise.all(reporters.map((reporter) => report(reporter, comment.id).catch((error: unknown) => error)));

    const state = await stateOf(comment.id);
    expect(state.status).toBe("HELD");
    // Reports after the hold are refused (the comment is no longer visible): the score stops at the threshold's report.
    expect(state.flagScore).toBe(3);
    expect(await db.report.count({ where: { commentId: comment.id } })).toBe(3);
    expect(await db.moderationLog.count({ where: { targetId: comment.id } })).toBe(1);
    expect(await commentEvents()).toEqual([{ type: "deleted", commentId: comment.id, outcome: "gone" }]);
    expect(await db.liveEvent.count({ where: { channel: moderationQueueChannel } })).toBe(queueEventsBefore + 3);
  });

  it("refuses one's own comment, a second report, a deleted comment, 'other' without text, and a signed-out visitor, changing nothing", async () => {
    const [author, reader] = await Promise.all([readerAged(db, 30), readerAged(db, 30)]);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id });
    const deleted = await seedComment(db, { essayId: essay.id, authorId: author.id, status: "DELETED" });
    const caller = createTestCaller({ db, user: reader, locale: "en" });
    await caller.comments.report({ commentId: comment.id, reason: "harassment" });

    const refusals = await Promise.all([
      refusal(() => createTestCaller({ db, user: author }).comments.report({ commentId: comment.id, reason: "spam" }), "en"),
      refusal(() => caller.comments.report({ commentId: comment.id, reason: "spam" }), "en"),
      refusal(() => caller.comments.report({ commentId: deleted.id, reason: "spam" }), "en"),
      refusal(() => caller.comments.report({ commentId: comment.id, reason: "other", text: "   " }), "en"),
      refusal(() => caller.comments.report({ commentId: comment.id, reason: "other", text: "x".repeat(501) }), "en"),
      refusal(() => createTestCaller({ db }).comments.report({ commentId: comment.id, reason: "spam" }), "en"),
    ]);
    expect(refusals.map((r) => [r.code, r.message])).toEqual([
      ["BAD_REQUEST", "You cannot report your own comment."],
      ["BAD_REQUEST", "You have already reported this comment."],
      ["BAD_REQUEST", "This comment has been deleted or removed, so it cannot be reported."],
      ["BAD_REQUEST", "Please say in a few words what is wrong (at most 500 characters)."],
      ["BAD_REQUEST", "The text is too long (at most 500 characters)."],
      ["UNAUTHORIZED", expect.any(String)],
    ]);
    expect(await db.report.count({ where: { commentId: { in: [comment.id, deleted.id] } } })).toBe(1);
    expect((await stateOf(comment.id)).flagScore).toBe(1);
    expect(await caller.comments.myReports({ slug: essay.slug })).toEqual({ commentIds: [comment.id] });
  });

  it("refuses a suspended reader", async () => {
    const [author, reader] = await Promise.all([readerAged(db, 30), readerAged(db, 30)]);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id });
    await db.sanction.create({ data: { userId: reader.id, kind: "SUSPENSION", reason: "abuse", endsAt: new Date(Date.now() + 86_400_000) } });
    expect((await refusal(() => report(reader, comment.id))).code).toBe("FORBIDDEN");
    expect(await db.report.count({ where: { commentId: comment.id } })).toBe(0);
  });
});
