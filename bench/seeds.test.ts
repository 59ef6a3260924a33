import { describe, expect, it } from "vitest";
import { commentRank } from "@/server/comments/ranking.ts";
import { seedContent } from "@/server/essay/seed.ts";
import { seedPolls } from "@/server/polls/seed.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { readEssayFacts } from "./targets.ts";
import { pollsSuite } from "./polls/suite.ts";
import { readBenchOptions } from "./lib/options.ts";
import { commentsSuite } from "./comments/suite.ts";
import { replyCountMismatches } from "./comments/create-load.ts";

const projectDir = new URL("..", import.meta.url).pathname;

describe("the bench seeds", () => {
  const essay = readEssayFacts(projectDir);
  // 0.005 of the issues' sizes: 500 comments, 5,000 votes, 250 poll voters.
  const options = { ...readBenchOptions({}, []), scale: 0.005, seconds: 1, warmupSeconds: 0 };
  const database = useTestDatabase({
    setup: async (db) => {
      await seedContent(db);
      await seedPolls(db);
      await commentsSuite(options, essay).seed!.run(db);
      await pollsSuite(options, essay).seed!.run(db);
    },
    timeoutMs: 120_000,
  });
  const db = () => database().db;

  it("writes threads of 30% replies down to depth 8, each reply later than its parent", async () => {
    const essayRow = await db().essay.findUniqueOrThrow({ where: { slug: essay.slug }, select: { id: true } });
    const comments = await db().comment.findMany({ where: { essayId: essayRow.id }, select: { id: true, parentId: true, rootId: true, depth: true, createdAt: true } });
    expect(comments).toHaveLength(500);
    const byId = new Map(comments.map((c) => [c.id, c]));
    const replies = comments.filter((c) => c.parentId);
    expect(replies).toHaveLength(150);
    expect(Math.max(...comments.map((c) => c.depth))).toBe(8);
    for (const reply of replies) {
      const parent = byId.get(reply.parentId!)!;
      expect(reply.depth).toBe(parent.depth + 1);
      expect(reply.rootId).toBe(parent.depth === 0 ? parent.id : parent.rootId);
      expect(reply.createdAt.getTime()).toBeGreaterThan(parent.createdAt.getTime());
    }
    for (const top of comments.filter((c) => !c.parentId)) expect(top.rootId).toBe(top.id);
  });

  it("keeps score and replyCount equal to the rows they count", async () => {
    const votes = await db().commentVote.count();
    expect(votes).toBeGreaterThanOrEqual(5000);
    const wrongScores = await db().$queryRawUnsafe<unknown[]>(
      `SELECT c.id FROM "Comment" c WHERE c.score <> (SELECT count(*) FROM "CommentVote" v WHERE v."commentId" = c.id)`,
    );
    expect(wrongScores).toEqual([]);
    const essayRow = await db().essay.findUniqueOrThrow({ where: { slug: essay.slug }, select: { id: true } });
    expect(await replyCountMismatches(db(), { essayId: essayRow.id, slug: essay.slug, prefix: "bc_", count: 500, topLevel: 350 })).toEqual([]);
  });

  it("ranks every comment by the app's formula, from its stored score and time", async () => {
    const comments = await db().comment.findMany({ select: { score: true, createdAt: true, rank: true } });
    expect(comments.length).toBeGreaterThan(500);
    for (const comment of comments) expect(comment.rank).toBeCloseTo(commentRank(comment.score, comment.createdAt), 9);
  });

  it("casts each reader's upvotes on distinct comments, some comments collecting more than others", async () => {
    const perReader = await db().$queryRawUnsafe<Array<{ votes: number }>>(
      `SELECT count(*)::int AS votes FROM "CommentVote" WHERE "commentId" LIKE 'bc\\_%' GROUP BY "userId"`,
    );
    // 5,000 votes from 100 readers (the floor of 50 readers is passed at this scale).
    expect(perReader).toHaveLength(100);
    for (const reader of perReader) expect(reader.votes).toBe(50);
    const scores = (await db().comment.findMany({ where: { essay: { slug: essay.slug } }, select: { score: true } })).map((c) => c.score);
    expect(scores.reduce((sum, score) => sum + score, 0)).toBe(5000);
    expect(Math.max(...scores)).toBeGreaterThan(2 * (5000 / 500));
  });

  it("stores rendered bodies and quotes the paragraph of a paragraph comment", async () => {
    const withParagraph = await db().comment.findFirstOrThrow({ where: { paragraphKey: { not: null } }, select: { paragraphQuote: true, bodyHtml: true } });
    expect(withParagraph.paragraphQuote?.length).toBeGreaterThan(0);
    expect(withParagraph.bodyHtml).toMatch(/<p>/);
  });

  it("writes ballots on both polls with exact counts, and signed-in fresh accounts", async () => {
    const polls = await db().poll.findMany({ select: { voterCount: true, _count: { select: { ballots: true } }, options: { select: { voteCount: true, _count: { select: { choices: true } } } } } });
    expect(polls).toHaveLength(2);
    for (const poll of polls) {
      expect(poll.voterCount).toBe(250);
      expect(poll._count.ballots).toBe(250);
      for (const option of poll.options) expect(option.voteCount).toBe(option._count.choices);
      expect(poll.options.reduce((sum, o) => sum + o.voteCount, 0)).toBe(250);
    }
    expect(await db().session.count({ where: { sessionToken: "bench-session-bpf_1" } })).toBe(1);
  });
});
