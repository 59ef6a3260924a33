import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client.ts";
import { seedContent } from "@/server/essay/seed.ts";
import { seedPolls } from "@/server/polls/seed.ts";
import { createTestDatabase, type TestDatabase } from "@/server/test/database.ts";
import { readEssayFacts } from "./targets.ts";
import { pollsSuite } from "./polls/suite.ts";
import { readBenchOptions } from "./lib/options.ts";
import { commentsSuite } from "./comments/suite.ts";
import { replyCountMismatches } from "./comments/create-load.ts";

const projectDir = new URL("..", import.meta.url).pathname;

describe("the bench seeds", () => {
  let database: TestDatabase;
  let db: Db;
  const essay = readEssayFacts(projectDir);
  // 0.005 of the issues' sizes: 500 comments, 5,000 votes, 250 poll voters.
  const options = { ...readBenchOptions({}, []), scale: 0.005, seconds: 1, warmupSeconds: 0 };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await seedContent(db);
    await seedPolls(db);
    await commentsSuite(options, essay).seed!.run(db);
    await pollsSuite(options, essay).seed!.run(db);
  }, 120_000);
  afterAll(() => database?.close());

  it("writes threads of 30% replies down to depth 8, each reply later than its parent", async () => {
    const essayRow = await db.essay.findUniqueOrThrow({ where: { slug: essay.slug }, select: { id: true } });
    const comments = await db.comment.findMany({ where: { essayId: essayRow.id }, select: { id: true, parentId: true, rootId: true, depth: true, createdAt: true } });
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
    const votes = await db.commentVote.count();
    expect(votes).toBeGreaterThanOrEqual(5000);
    const wrongScores = await db.$queryRawUnsafe<unknown[]>(
      `SELECT c.id FROM "Comment" c WHERE c.score <> (SELECT count(*) FROM "CommentVote" v WHERE v."commentId" = c.id)`,
    );
    expect(wrongScores).toEqual([]);
    const essayRow = await db.essay.findUniqueOrThrow({ where: { slug: essay.slug }, select: { id: true } });
    expect(await replyCountMismatches(db, { essayId: essayRow.id, slug: essay.slug, prefix: "bc_", count: 500, topLevel: 350 })).toEqual([]);
  });

  it("ranks every comment by the app's formula", async () => {
    const { commentRank } = await import("@/server/comments/ranking.ts");
    const sample = await db.comment.findMany({ take: 50, orderBy: { score: "desc" }, select: { score: true, createdAt: true, rank: true } });
    for (const comment of sample) expect(comment.rank).toBeCloseTo(commentRank(comment.score, comment.createdAt), 9);
  });

  it("stores rendered bodies and quotes the paragraph of a paragraph comment", async () => {
    const withParagraph = await db.comment.findFirstOrThrow({ where: { paragraphKey: { not: null } }, select: { paragraphQuote: true, bodyHtml: true } });
    expect(withParagraph.paragraphQuote?.length).toBeGreaterThan(0);
    expect(withParagraph.bodyHtml).toMatch(/<p>/);
  });

  it("writes ballots on both polls with exact counts, and signed-in fresh accounts", async () => {
    const polls = await db.poll.findMany({ select: { voterCount: true, _count: { select: { ballots: true } }, options: { select: { voteCount: true, _count: { select: { choices: true } } } } } });
    expect(polls).toHaveLength(2);
    for (const poll of polls) {
      expect(poll.voterCount).toBe(250);
      expect(poll._count.ballots).toBe(250);
      for (const option of poll.options) expect(option.voteCount).toBe(option._count.choices);
      expect(poll.options.reduce((sum, o) => sum + o.voteCount, 0)).toBe(250);
    }
    expect(await db.session.count({ where: { sessionToken: "bench-session-bpf_1" } })).toBe(1);
  });
});
