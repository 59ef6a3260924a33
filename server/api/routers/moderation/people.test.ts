/**
 * moderation.sanction / liftSanction / person / addNote and me.sanctions / me.acknowledgeWarning:
 * what each sanction stops, that it says why and until when, that a ban ends sessions at once,
 * that sanctions expire by themselves, and that moderators cannot act on admins.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { createCommentEssay, seedComment } from "@/server/comments/testing/comment-fixture.ts";
import { readerAged } from "@/server/moderation/testing/moderation-fixture.ts";
import { createTestCaller } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { refusal } from "@/server/test/refusal.ts";

const database = useTestDatabase();
let db: Db;
let essay: { id: string; slug: string };
let moderator: SessionUser;
beforeAll(async () => {
  db = database().db;
  essay = await createCommentEssay(db);
  moderator = await readerAged(db, 100, "MODERATOR");
});
const as = (user: SessionUser | null) => createTestCaller({ db, user, locale: "en" });

describe("sanctions", () => {
  it("a suspension stops commenting, voting and reporting with its reason and end, shows on the account page, and ends by itself", async () => {
    const [reader, author] = await Promise.all([readerAged(db, 30), readerAged(db, 30)]);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id });
    const sanction = await as(moderator).moderation.sanction({ userId: reader.id, kind: "suspension", reason: "spamming links", durationHours: 24 });
    expect(sanction).toMatchObject({ kind: "suspension", reason: "spamming links", active: true });

    for (const write of [
      () => as(reader).comments.create({ slug: essay.slug, body: "hello" }),
      () => as(reader).comments.vote({ commentId: comment.id, upvoted: true }),
      () => as(reader).comments.report({ commentId: comment.id, reason: "spam" }),
    ]) {
      const refused = await refusal(write, "en");
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.message).toContain("suspended until");
      expect(refused.message).toContain("spamming links");
    }
    expect(await as(reader).me.sanctions()).toMatchObject([{ kind: "suspension", reason: "spamming links" }]);
    // Reading is still allowed.
    expect((await as(reader).comments.list({ slug: essay.slug })).items.length).toBeGreaterThan(0);

    // Ended: it no longer stops anything.
    await db.sanction.update({ where: { id: sanction.id }, data: { endsAt: new Date(Date.now() - 1000) } });
    expect(await as(reader).comments.vote({ commentId: comment.id, upvoted: true })).toMatchObject({ upvoted: true });
    expect(await as(reader).me.sanctions()).toEqual([]);
  });

  it("a warning must be acknowledged before the next post", async () => {
    const reader = await readerAged(db, 30);
    await as(moderator).moderation.sanction({ userId: reader.id, kind: "warning", reason: "be civil" });
    expect((await refusal(() => as(reader).comments.create({ slug: essay.slug, body: "hi" }), "en")).message).toContain("acknowledge");
    expect(await as(reader).me.acknowledgeWarning()).toEqual({ acknowledged: 1 });
    expect((await as(reader).comments.create({ slug: essay.slug, body: "hi, sorry" })).status).toBe("visible");
  });

  it("a ban ends the reader's sessions at once and can reject their comments; lifting it is logged", async () => {
    const reader = await readerAged(db, 30);
    await db.session.create({ data: { sessionToken: `token-${reader.id}`, userId: reader.id, expires: new Date(Date.now() + 86_400_000) } });
    const comment = await seedComment(db, { essayId: essay.id, authorId: reader.id });

    const ban = await as(moderator).moderation.sanction({ userId: reader.id, kind: "ban", reason: "spam bot", rejectComments: true });

    expect(await db.session.count({ where: { userId: reader.id } })).toBe(0);
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { status: true, moderationReason: true } })).toEqual({ status: "REMOVED", moderationReason: "other" });
    await as(moderator).moderation.liftSanction({ sanctionId: ban.id });
    const person = await as(moderator).moderation.person({ userId: reader.id });
    expect(person).toMatchObject({ rejectedCount: 1, sanctions: [{ kind: "ban", active: false }] });
    expect((await db.moderationLog.findMany({ where: { targetId: reader.id, actorId: moderator.id }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual(["ban", "lift"]);
    expect((await refusal(() => as(moderator).moderation.liftSanction({ sanctionId: ban.id }), "en")).code).toBe("BAD_REQUEST");
  });

  it("moderators cannot sanction an administrator (nor themselves); a suspension needs a duration", async () => {
    const admin = await readerAged(db, 100, "ADMIN");
    expect(await refusal(() => as(moderator).moderation.sanction({ userId: admin.id, kind: "ban", reason: "x" }), "en")).toMatchObject({
      code: "FORBIDDEN",
      message: "Moderators cannot act on an administrator.",
    });
    expect((await refusal(() => as(moderator).moderation.sanction({ userId: moderator.id, kind: "warning", reason: "x" }), "en")).code).toBe("BAD_REQUEST");
    const reader = await readerAged(db, 30);
    expect((await refusal(() => as(moderator).moderation.sanction({ userId: reader.id, kind: "suspension", reason: "x" }), "en")).message).toBe(
      "Choose how long the suspension lasts.",
    );
    expect(await db.sanction.count({ where: { userId: { in: [admin.id, moderator.id, reader.id] } } })).toBe(0);
  });

  it("private notes are kept with their author", async () => {
    const reader = await readerAged(db, 30);
    await as(moderator).moderation.addNote({ userId: reader.id, body: "可能是小号" });
    expect((await as(moderator).moderation.person({ userId: reader.id })).notes).toMatchObject([{ body: "可能是小号", author: { id: moderator.id } }]);
  });
});

describe("essay settings", () => {
  it("a moderator locks with a message readers are told, sets slow mode, and unlocks", async () => {
    const reader = await readerAged(db, 30);
    const settings = await as(moderator).moderation.updateEssaySettings({ slug: essay.slug, lock: { message: "冷静一下" }, slowModeSeconds: 30 });
    expect(settings).toMatchObject({ lockMessage: "冷静一下", slowModeSeconds: 30 });
    expect((await refusal(() => as(reader).comments.create({ slug: essay.slug, body: "还能说吗" }), "en")).message).toContain("冷静一下");
    await as(moderator).moderation.updateEssaySettings({ slug: essay.slug, lock: null, slowModeSeconds: 0 });
    expect((await as(reader).comments.create({ slug: essay.slug, body: "能说了" })).status).toBe("visible");
    expect(await db.moderationLog.count({ where: { targetId: essay.id, action: "essay_settings" } })).toBe(2);
  });
});
