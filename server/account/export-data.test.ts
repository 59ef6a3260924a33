/**
 * "Export my data" against a real database: the reader's own profile, comments with revisions,
 * votes, reports, ballots, notifications and sanctions — and nothing of anyone else's, nor the
 * moderators' private notes or names. Also the download's HTTP answer.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import { createTestPoll } from "@/server/polls/testing/poll-fixture.ts";
import { callerOn, refusal, useCommentTestDatabase } from "@/server/comments/testing/comment-test-context.ts";
import { post, readerAged, setSiteSettings } from "@/server/moderation/testing/moderation-fixture.ts";
import { createTestContext } from "@/server/test/caller.ts";
import { dataExportResponse } from "./export-response.ts";

const context = useCommentTestDatabase(async (db) => setSiteSettings(db, { premoderateFirstN: 0 }));
const call = (user: SessionUser | null) => callerOn(context.db)(user);

describe("me.exportData", () => {
  let reader: SessionUser;
  let other: SessionUser;
  let moderator: SessionUser;
  let readerComment: string;
  let otherComment: string;

  beforeAll(async () => {
    const db = context.db;
    reader = await readerAged(db, 30);
    other = await readerAged(db, 30);
    moderator = await readerAged(db, 30, "MODERATOR");
    readerComment = (await post(db, reader, { slug: context.essay.slug, body: "我的评论：第一版" })).id;
    await db.commentRevision.create({ data: { commentId: readerComment, body: "我的评论：更早的文本", bodyHtml: "<p>x</p>" } });
    otherComment = (await post(db, other, { slug: context.essay.slug, parentId: readerComment, body: "别人的回复" })).id;
    await call(reader).comments.vote({ commentId: otherComment, upvoted: true });
    await call(reader).comments.report({ commentId: otherComment, reason: "other", text: "离题了" });
    await call(other).comments.vote({ commentId: readerComment, upvoted: true });

    const poll = await createTestPoll(db, { essayId: context.essay.id, options: 3 });
    const options = await db.pollOption.findMany({ where: { pollId: poll.id }, orderBy: { position: "asc" }, select: { id: true } });
    await call(reader).polls.vote({ pollId: poll.id, optionIds: [options[2]!.id] });
    await call(other).polls.vote({ pollId: poll.id, optionIds: [options[0]!.id] });

    await call(moderator).moderation.sanction({ userId: reader.id, kind: "warning", reason: "注意语气", note: "MODERATOR-PRIVATE-SANCTION-NOTE" });
    await call(moderator).moderation.addNote({ userId: reader.id, body: "MODERATOR-PRIVATE-NOTE" });
  });

  it("holds the reader's profile, comments with revisions, votes, reports, own ballot, notifications and sanctions", async () => {
    const data = await call(reader).me.exportData();
    expect(data.profile).toMatchObject({ id: reader.id, email: reader.email, name: reader.name });
    expect(data.comments).toHaveLength(1);
    expect(data.comments[0]).toMatchObject({ id: readerComment, body: "我的评论：第一版", essay: context.essay.slug, status: "VISIBLE", score: 1 });
    expect(data.comments[0]!.revisions.map((r) => r.body)).toEqual(["我的评论：更早的文本"]);
    expect(data.commentVotes.map((v) => v.commentId)).toEqual([otherComment]);
    expect(data.reports).toEqual([expect.objectContaining({ commentId: otherComment, reason: "OTHER", text: "离题了", status: "OPEN" })]);
    expect(data.ballots).toHaveLength(1);
    expect(data.ballots[0]!.choices).toEqual([{ key: "option-2", label: { zh: "选项 2", en: "Option 2" } }]);
    expect(data.notifications).toEqual([expect.objectContaining({ kind: "REPLY", commentId: otherComment })]);
    expect(data.sanctions).toEqual([expect.objectContaining({ kind: "WARNING", reason: "注意语气", by: "a moderator" })]);
  });

  it("leaks no other reader's ballot or comment, and no moderator's note or identity", async () => {
    const text = JSON.stringify(await call(reader).me.exportData());
    for (const secret of [other.id, other.email!, moderator.id, moderator.email!, "option-0", "别人的回复", "MODERATOR-PRIVATE-SANCTION-NOTE", "MODERATOR-PRIVATE-NOTE"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("downloads as an attachment named with the date, and refuses a signed-out visitor", async () => {
    const now = new Date("2026-12-07T10:00:00Z");
    const response = await dataExportResponse(createTestContext({ db: context.db, user: reader }), now);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="tuiquan-data-2026-12-07.json"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = JSON.parse(await response.text()) as { comments: Array<{ body: string }> };
    expect(body.comments[0]!.body).toBe("我的评论：第一版");

    const signedOut = await dataExportResponse(createTestContext({ db: context.db, user: null, locale: "en" }), now);
    expect(signedOut.status).toBe(401);
    expect(await signedOut.text()).toBe("Please sign in first.\n");
    expect(await refusal(() => call(null).me.exportData())).toMatchObject({ code: "UNAUTHORIZED" });
  });
});
