/**
 * comments.vote: idempotent upvotes, score = count(votes) at every moment under 200 concurrent
 * identical votes, rank recomputed, refusals, and the per-account limit.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { commentRank } from "@/server/comments/ranking.ts";
import { commentRateGate, commentRateLimits, unlimitedCommentRate } from "@/server/comments/rate-limits.ts";
import { seedComment } from "@/server/comments/testing/comment-fixture.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { createTestUser } from "@/server/test/caller.ts";
import { callerOn, lastCommentEvents, refusal, useCommentTestDatabase } from "@/server/comments/testing/comment-test-context.ts";
import { flushScoreEvents, scoreEventIntervalMs } from "@/server/live/score-events.ts";
import { appRateLimiter, type RateLimiterStore } from "@/server/rate-limit/app-rate-limiter.ts";
import { voteOnComment } from "./vote-on-comment.ts";

const context = useCommentTestDatabase();
let db: Db;
let essay: { id: string; slug: string };
beforeAll(() => {
  ({ db, essay } = context);
});
let author: SessionUser;
beforeAll(async () => {
  author = await createTestUser(db);
});
const callerFor = (user: SessionUser | null, locale: AppLocale = "zh") => callerOn(db)(user, locale);

/** The score and the votes in one statement, so both come from one snapshot. */
async function scoreAndVotes(commentId: string) {
  const [row] = await db.$queryRaw<{ score: number; votes: number }[]>`
    SELECT score, (SELECT count(*)::int FROM "CommentVote" WHERE "commentId" = ${commentId}) AS votes FROM "Comment" WHERE id = ${commentId}`;
  return row!;
}

describe("comments.vote", () => {
  it("sets the reader's upvote idempotently and recomputes the rank", async () => {
    const reader = await createTestUser(db);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id });
    const vote = (upvoted: boolean) => callerFor(reader).comments.vote({ commentId: comment.id, upvoted });

    expect(await vote(true)).toEqual({ commentId: comment.id, score: 1, upvoted: true });
    expect(await vote(true)).toEqual({ commentId: comment.id, score: 1, upvoted: true });
    const stored = await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { rank: true, score: true } });
    expect(stored.rank).toBeCloseTo(commentRank(1, comment.createdAt), 12);
    expect((await callerFor(reader).comments.get({ commentId: comment.id })).viewer?.upvoted).toBe(true);

    expect(await vote(false)).toEqual({ commentId: comment.id, score: 0, upvoted: false });
    expect(await vote(false)).toEqual({ commentId: comment.id, score: 0, upvoted: false });
    expect(await scoreAndVotes(comment.id)).toEqual({ score: 0, votes: 0 });
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).rank).toBeCloseTo(commentRank(0, comment.createdAt), 12);
    await flushScoreEvents();
    expect(await lastCommentEvents(db, essay.id)).toEqual([{ type: "scores", scores: [{ commentId: comment.id, score: 0 }] }]);
  });

  it("tells live readers the score once per burst, and the last event carries the final score", async () => {
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id });
    const readers = await Promise.all(Array.from({ length: 20 }, () => createTestUser(db)));
    const startedAt = Date.now();
    await Promise.all(readers.map((reader) => voteOnComment(db, reader, { commentId: comment.id, upvoted: true }, { rateGate: unlimitedCommentRate })));
    await voteOnComment(db, readers[0]!, { commentId: comment.id, upvoted: false }, { rateGate: unlimitedCommentRate });
    const intervals = Math.ceil((Date.now() - startedAt) / scoreEventIntervalMs);
    await flushScoreEvents();

    const events = (await lastCommentEvents(db, essay.id, 1000) as { scores?: { commentId: string }[] }[])
      .flatMap((event) => event.scores?.filter((entry) => entry.commentId === comment.id) ?? []);
    // 21 votes: the first event at once, then at most one per interval the votes took.
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.length).toBeLessThanOrEqual(1 + intervals);
    expect(events.length).toBeLessThan(21);
    expect(events.at(-1)).toEqual({ commentId: comment.id, score: 19 });
  });

  it("200 concurrent identical upvotes by one reader leave one vote, and score = votes at every moment", async () => {
    const reader = await createTestUser(db);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id });
    let voting = true;
    const observed: { score: number; votes: number }[] = [];
    const observer = (async () => {
      while (voting) observed.push(await scoreAndVotes(comment.id));
    })();
    const results = await Promise.all(
      Array.from({ length: 200 }, () => voteOnComment(db, reader, { commentId: comment.id, upvoted: true }, { rateGate: unlimitedCommentRate })),
    );
    voting = false;
    await observer;

    expect(results.every((r) => r.score === 1 && r.upvoted)).toBe(true);
    expect(await scoreAndVotes(comment.id)).toEqual({ score: 1, votes: 1 });
    expect(observed.length).toBeGreaterThan(0);
    for (const seen of observed) expect(seen.score).toBe(seen.votes);
  });

  it("many readers at once: the score is the number of readers", async () => {
    const readers = await Promise.all(Array.from({ length: 30 }, () => createTestUser(db)));
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id });
    await Promise.all(readers.map((reader) => voteOnComment(db, reader, { commentId: comment.id, upvoted: true }, { rateGate: unlimitedCommentRate })));
    expect(await scoreAndVotes(comment.id)).toEqual({ score: 30, votes: 30 });
    const { rank } = await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { rank: true } });
    expect(rank).toBeCloseTo(commentRank(30, comment.createdAt), 12);
  });

  it("refuses one's own comment, a tombstone, a missing comment and a signed-out visitor, changing nothing", async () => {
    const reader = await createTestUser(db);
    const own = await seedComment(db, { essayId: essay.id, authorId: reader.id });
    const tomb = await seedComment(db, { essayId: essay.id, authorId: author.id, status: "DELETED", replyCount: 1 });
    await flushScoreEvents(); // earlier tests' score events, so that the count below is this test's
    const before = await Promise.all([scoreAndVotes(own.id), scoreAndVotes(tomb.id), db.liveEvent.count()]);

    expect(await refusal(() => callerFor(reader).comments.vote({ commentId: own.id, upvoted: true }))).toEqual({
      code: "FORBIDDEN",
      message: "不能给自己的评论点赞。",
    });
    expect(await refusal(() => callerFor(reader).comments.vote({ commentId: own.id, upvoted: true }), "en")).toEqual({
      code: "FORBIDDEN",
      message: "You cannot upvote your own comment.",
    });
    expect(await refusal(() => callerFor(reader).comments.vote({ commentId: tomb.id, upvoted: true }))).toEqual({ code: "BAD_REQUEST", message: "这条评论已被删除。" });
    expect((await refusal(() => callerFor(reader).comments.vote({ commentId: "missing", upvoted: true }))).code).toBe("NOT_FOUND");
    expect((await refusal(() => callerFor(null).comments.vote({ commentId: own.id, upvoted: true }))).code).toBe("UNAUTHORIZED");
    expect(await Promise.all([scoreAndVotes(own.id), scoreAndVotes(tomb.id), db.liveEvent.count()])).toEqual(before);
  });

  it("limits an account to 60 votes a minute; a refused vote changes nothing", async () => {
    expect(commentRateLimits["comment-vote"]).toEqual({ max: 60, windowMs: 60_000 });
    const reader = await createTestUser(db);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id });
    for (let i = 0; i < 60; i++) await callerFor(reader).comments.vote({ commentId: comment.id, upvoted: i % 2 === 0 });
    expect(await scoreAndVotes(comment.id)).toEqual({ score: 0, votes: 0 });
    const refused = await refusal(() => callerFor(reader).comments.vote({ commentId: comment.id, upvoted: true }));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(/^点赞太频繁了，请 \d+ 秒后再试。$/);
    expect(await scoreAndVotes(comment.id)).toEqual({ score: 0, votes: 0 });
  });

  /** The real limit, counted in memory (PGlite) or in the shared table (a PostgreSQL server). */
  const gateOn = (store: RateLimiterStore) => commentRateGate(db, (name) => appRateLimiter(db, name, commentRateLimits[name], store));

  it.each<RateLimiterStore>(["memory", "postgres"])("a refused vote leaves the reader's allowance unchanged (limit counted in %s)", async (store) => {
    const rateGate = gateOn(store);
    const reader = await createTestUser(db);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id });
    const own = await seedComment(db, { essayId: essay.id, authorId: reader.id });
    const tomb = await seedComment(db, { essayId: essay.id, authorId: author.id, status: "DELETED", replyCount: 1 });
    const vote = (commentId: string, upvoted = true) => voteOnComment(db, reader, { commentId, upvoted }, { rateGate });
    const codeOf = (run: Promise<unknown>) => run.then(() => "OK", (error: { code?: string }) => error.code);

    for (let i = 0; i < 59; i++) await vote(comment.id, i % 2 === 0);
    // Each refusal is the reader's real reason, never the limit, and none of them counts.
    for (let i = 0; i < 5; i++) {
      expect(await codeOf(vote(own.id))).toBe("FORBIDDEN");
      expect(await codeOf(vote(tomb.id))).toBe("BAD_REQUEST");
      expect(await codeOf(vote("missing"))).toBe("NOT_FOUND");
    }
    // So the 60th vote is still allowed, and the 61st is the first the limit refuses.
    expect(await vote(comment.id)).toEqual({ commentId: comment.id, score: 1, upvoted: true });
    expect(await codeOf(vote(comment.id, false))).toBe("TOO_MANY_REQUESTS");
    expect(await scoreAndVotes(comment.id)).toEqual({ score: 1, votes: 1 });
  });

  it.each<RateLimiterStore>(["memory", "postgres"])("200 concurrent votes by one reader: 60 pass the limit, one vote is left (limit counted in %s)", async (store) => {
    const rateGate = gateOn(store);
    const reader = await createTestUser(db);
    const comment = await seedComment(db, { essayId: essay.id, authorId: author.id });
    const own = await seedComment(db, { essayId: essay.id, authorId: reader.id });
    // Half of them refused for voting on one's own comment: they take a unit while they run, then give it back.
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        voteOnComment(db, reader, { commentId: i % 2 ? own.id : comment.id, upvoted: true }, { rateGate }).then(
          () => "OK",
          (error: { code?: string }) => error.code,
        ),
      ),
    );
    const count = (code: string) => outcomes.filter((outcome) => outcome === code).length;
    expect(count("OK")).toBeGreaterThanOrEqual(1);
    expect(count("OK")).toBeLessThanOrEqual(60);
    expect(count("OK") + count("FORBIDDEN") + count("TOO_MANY_REQUESTS")).toBe(200);
    expect(await scoreAndVotes(comment.id)).toEqual({ score: 1, votes: 1 });
    // Exactly the allowed votes that were not refused stayed counted: the rest of the minute's 60 are still there.
    let more = 0;
    const another = await seedComment(db, { essayId: essay.id, authorId: author.id });
    while ((await voteOnComment(db, reader, { commentId: another.id, upvoted: more % 2 === 0 }, { rateGate }).then(() => true, () => false))) more += 1;
    expect(count("OK") + more).toBe(60);
  });
});
