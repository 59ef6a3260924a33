/**
 * me.deleteAccount against a real database: what a deleted account leaves behind in the tallies,
 * the threads, the scores and the flag scores, its sessions and its email address.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import { sessionUserFromToken } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { commentRank } from "@/server/comments/ranking.ts";
import { flushPollResultsChanged } from "@/server/live/poll-results-changed.ts";
import { pollChannel } from "@/server/live/channels.ts";
import { decodeLivePayload } from "@/server/live/event-store.ts";
import { readBreakdownCounts } from "@/server/polls/breakdown-counts.ts";
import { readDailyTotals } from "@/server/polls/over-time.ts";
import { createTestPoll } from "@/server/polls/testing/poll-fixture.ts";
import { callerOn, lastCommentEvents, refusal, useCommentTestDatabase } from "@/server/comments/testing/comment-test-context.ts";
import { post, readerAged, setSiteSettings } from "@/server/moderation/testing/moderation-fixture.ts";
import { createTestUser } from "@/server/test/caller.ts";

const context = useCommentTestDatabase(async (db) => setSiteSettings(db, { premoderateFirstN: 0 }));
const call = (user: SessionUser | null, locale: "zh" | "en" = "zh") => callerOn(context.db)(user, locale);

async function pollWithOptions(db: Db, essayId: string, fields: { closesAt?: Date | null; allowChange?: boolean } = {}) {
  const poll = await createTestPoll(db, { essayId, options: 2, ...fields });
  const options = await db.pollOption.findMany({ where: { pollId: poll.id }, orderBy: { position: "asc" }, select: { id: true } });
  return { id: poll.id, options: options.map((o) => o.id) };
}

async function tallies(db: Db, poll: { id: string; options: string[] }) {
  const row = await db.poll.findUniqueOrThrow({ where: { id: poll.id }, select: { voterCount: true, options: { orderBy: { position: "asc" }, select: { voteCount: true } } } });
  const daily = await readDailyTotals(db, poll.id);
  // The running totals as of the last day that changed them: what the over-time chart ends on.
  const latest = (optionId: string | null) => daily.filter((t) => t.optionId === optionId).at(-1)?.cumulative ?? 0;
  return {
    voters: row.voterCount,
    votes: row.options.map((o) => o.voteCount),
    overTime: { voters: latest(null), votes: poll.options.map(latest) },
  };
}

describe("me.deleteAccount", () => {
  let reader: SessionUser;
  let other: SessionUser;
  let third: SessionUser;
  let pollA: { id: string; options: string[] };
  let pollB: { id: string; options: string[] };
  let closedPoll: { id: string; options: string[] };

  beforeAll(async () => {
    const db = context.db;
    reader = await readerAged(db, 30);
    other = await readerAged(db, 30);
    third = await readerAged(db, 30);
    pollA = await pollWithOptions(db, context.essay.id);
    pollB = await pollWithOptions(db, context.essay.id);
    closedPoll = await pollWithOptions(db, context.essay.id, { allowChange: false });
    for (const voter of [reader, other]) {
      await call(voter).polls.vote({ pollId: pollA.id, optionIds: [pollA.options[0]!] });
      await call(voter).polls.vote({ pollId: pollB.id, optionIds: [pollB.options[1]!] });
      await call(voter).polls.vote({ pollId: closedPoll.id, optionIds: [closedPoll.options[0]!] });
    }
    await call(third).polls.vote({ pollId: pollA.id, optionIds: [pollA.options[1]!] });
    // Closed since: a reader could no longer withdraw this ballot, but deleting the account does.
    await db.poll.update({ where: { id: closedPoll.id }, data: { closesAt: new Date(Date.now() - 1_000) } });
  });

  it("refuses a phrase other than the reader's email, in the reader's language, and changes nothing", async () => {
    const zh = await refusal(() => call(reader).me.deleteAccount({ confirmation: "delete" }));
    expect(zh).toEqual({ code: "BAD_REQUEST", message: "请准确输入页面上显示的确认语，以确认删除账户。" });
    const en = await refusal(() => call(reader, "en").me.deleteAccount({ confirmation: "" }), "en");
    expect(en).toEqual({ code: "BAD_REQUEST", message: "Type the confirmation phrase." });
    expect(await refusal(() => call(null).me.deleteAccount({ confirmation: "x" }))).toMatchObject({ code: "UNAUTHORIZED" });
    const stored = await context.db.user.findUniqueOrThrow({ where: { id: reader.id }, select: { email: true, deletedAt: true } });
    expect(stored).toEqual({ email: reader.email, deletedAt: null });
    expect(await context.db.ballot.count({ where: { userId: reader.id } })).toBe(3);
  });

  it("refuses the last admin with a clear message, and lets an admin go when another remains", async () => {
    const admin = await createTestUser(context.db, { role: "ADMIN" });
    const refused = await refusal(() => call(admin, "en").me.deleteAccount({ confirmation: admin.email! }), "en");
    expect(refused).toEqual({
      code: "BAD_REQUEST",
      message: "You are the site's last administrator. Make someone else an administrator before you delete your account.",
    });
    expect((await context.db.user.findUniqueOrThrow({ where: { id: admin.id }, select: { deletedAt: true } })).deletedAt).toBeNull();
    await createTestUser(context.db, { role: "ADMIN" });
    await expect(call(admin).me.deleteAccount({ confirmation: admin.email! })).resolves.toEqual({ deleted: true });
  });

  it("withdraws every ballot from results, the breakdown and the over-time tallies; ends sessions; frees the email", async () => {
    const db = context.db;
    const essayId = context.essay.id;
    // Threads: the reader's comment with another reader's reply; a comment of theirs without replies;
    // another reader's comment they upvoted; another's comment they reported.
    const withReply = await post(db, reader, { slug: context.essay.slug, body: "读者的评论，有回复" });
    await db.commentRevision.create({ data: { commentId: withReply.id, body: "旧文本", bodyHtml: "<p>旧文本</p>" } });
    const reply = await post(db, other, { slug: context.essay.slug, parentId: withReply.id, body: "别人的回复" });
    const alone = await post(db, reader, { slug: context.essay.slug, body: "读者的评论，无回复" });
    const upvoted = await post(db, other, { slug: context.essay.slug, body: "被点赞的评论" });
    await call(third).comments.vote({ commentId: upvoted.id, upvoted: true });
    await call(reader).comments.vote({ commentId: upvoted.id, upvoted: true });
    const reported = await post(db, third, { slug: context.essay.slug, body: "被举报的评论" });
    await call(reader).comments.report({ commentId: reported.id, reason: "spam" });
    expect((await db.comment.findUniqueOrThrow({ where: { id: reported.id }, select: { flagScore: true } })).flagScore).toBeGreaterThan(0);

    const token = `token-${reader.id}`;
    await db.session.create({ data: { sessionToken: token, userId: reader.id, expires: new Date(Date.now() + 86_400_000) } });
    expect((await sessionUserFromToken(db, token))?.id).toBe(reader.id); // now kept in this process too

    const before = { a: await tallies(db, pollA), b: await tallies(db, pollB), closed: await tallies(db, closedPoll) };
    const breakdownBefore = await readBreakdownCounts(db, pollA.options, pollB.options);
    expect(before.a).toEqual({ voters: 3, votes: [2, 1], overTime: { voters: 3, votes: [2, 1] } });
    expect(breakdownBefore).toEqual([[0, 2], [0, 0]]);

    await expect(call(reader).me.deleteAccount({ confirmation: `  ${reader.email!.toUpperCase()} ` })).resolves.toEqual({ deleted: true });

    // Tallies: exactly one voter fewer everywhere, on the closed poll too.
    expect(await tallies(db, pollA)).toEqual({ voters: 2, votes: [1, 1], overTime: { voters: 2, votes: [1, 1] } });
    expect(await tallies(db, pollB)).toEqual({ voters: 1, votes: [0, 1], overTime: { voters: 1, votes: [0, 1] } });
    expect(await tallies(db, closedPoll)).toEqual({ voters: 1, votes: [1, 0], overTime: { voters: 1, votes: [1, 0] } });
    expect(await readBreakdownCounts(db, pollA.options, pollB.options)).toEqual([[0, 1], [0, 0]]);
    const results = await call(other).polls.results({ pollId: pollA.id });
    expect(results).toMatchObject({ visible: true, voterCount: 2 });
    await flushPollResultsChanged();
    const pollEvents = await db.liveEvent.findMany({ where: { channel: pollChannel(pollB.id) }, select: { payload: true } });
    expect(pollEvents.map((e) => decodeLivePayload(e.payload))).toContainEqual({ type: "results-changed" });

    // Threads: a tombstone "[deleted user]" holds the reply; the lone comment is gone; bodies and revisions erased.
    const thread = await call(null).comments.thread({ commentId: reply.id });
    expect(thread.ancestors).toHaveLength(1);
    expect(thread.ancestors[0]).toMatchObject({ id: withReply.id, status: "deleted", bodyHtml: null, author: null, accountDeleted: true });
    expect(thread.comment).toMatchObject({ id: reply.id, status: "visible", author: { id: other.id } });
    const list = await call(null).comments.list({ slug: context.essay.slug, sort: "newest" });
    const ids = list.items.map((c) => c.id);
    expect(ids).toContain(withReply.id);
    expect(ids).not.toContain(alone.id);
    const stored = await db.comment.findMany({ where: { authorId: reader.id }, select: { body: true, bodyHtml: true, status: true } });
    expect(stored).toEqual([
      { body: "", bodyHtml: "", status: "DELETED" },
      { body: "", bodyHtml: "", status: "DELETED" },
    ]);
    expect(await db.commentRevision.count({ where: { commentId: withReply.id } })).toBe(0);
    const events = await lastCommentEvents(db, essayId, 10);
    expect(events).toContainEqual({ type: "deleted", commentId: withReply.id, outcome: "tombstone", accountDeleted: true });
    expect(events).toContainEqual({ type: "deleted", commentId: alone.id, outcome: "gone" });

    // Scores and ranks lose the reader's upvote; flag scores lose the reader's open report.
    const rescored = await db.comment.findUniqueOrThrow({ where: { id: upvoted.id }, select: { score: true, rank: true, createdAt: true } });
    expect(rescored.score).toBe(1);
    expect(rescored.rank).toBeCloseTo(commentRank(1, rescored.createdAt), 9);
    expect(await db.commentVote.count({ where: { commentId: upvoted.id } })).toBe(1);
    expect((await db.comment.findUniqueOrThrow({ where: { id: reported.id }, select: { flagScore: true } })).flagScore).toBe(0);
    expect(await db.report.count({ where: { reporterId: reader.id } })).toBe(0);

    // Sessions end at once: the kept session is forgotten and the row is gone.
    expect(await sessionUserFromToken(db, token)).toBeNull();
    expect(await db.session.count({ where: { userId: reader.id } })).toBe(0);

    // The row stays, anonymised, for the tombstones; the audit log records the deletion.
    expect(await db.user.findUniqueOrThrow({ where: { id: reader.id }, select: { email: true, name: true, deletedAt: true } })).toMatchObject({ email: null, name: null });
    expect(await db.moderationLog.count({ where: { action: "account_deleted", targetId: reader.id } })).toBe(1);

    // The address can sign up again, as a new account with nothing of the old one.
    const again = await createTestUser(db, { email: reader.email! });
    expect(again.id).not.toBe(reader.id);
    expect(await db.ballot.count({ where: { userId: again.id } })).toBe(0);
  });

  it("cannot delete the same account twice", async () => {
    const user = await readerAged(context.db, 30);
    await call(user).me.deleteAccount({ confirmation: user.email! });
    expect(await refusal(() => call(user, "en").me.deleteAccount({ confirmation: user.email! }), "en")).toEqual({
      code: "NOT_FOUND",
      message: "This account has already been deleted.",
    });
  });
});
