/**
 * The comments issue's data set, written with set-based SQL (INSERT … SELECT over
 * generate_series) so that 100,000 comments and 1,000,000 votes take seconds, on PostgreSQL and
 * on PGlite alike:
 *
 * - readers `bu_1…`, who wrote the comments and cast the votes (no sessions: nobody signs in as them);
 * - on an essay: `count` comments, 70% top-level (one in ten about a paragraph, quoting it) and
 *   30% replies in threads of ten whose depths run 1–8, spread over the weeks before now;
 * - `votes` upvotes, `votes / readers` per reader on distinct comments, skewed so that a few
 *   comments collect many (the cube of a uniform number picks where a reader starts);
 * - the maintained columns (score, replyCount) counted from those rows, as the app keeps them,
 *   and rank by the app's own formula (server/comments/ranking.ts, its SQL twin).
 *
 * Why it is fast: the section is first planned in unindexed work tables (the comments' shape and
 * the votes), so that every maintained column is known before a row reaches the app's tables;
 * then each table gets one INSERT, in primary-key order. Writing the comments first and updating
 * score, replyCount and rank afterwards wrote every comment twice, and inserting votes in random
 * key order made each of the million index insertions touch a random page: PGlite, with its
 * 128 MB of buffers and no background writer, took over 13 minutes at full size that way.
 *
 * Comment ids are `<prefix><n>`: the loads address seeded comments without asking for them.
 */
import type { Db } from "@/server/db/client.ts";
import { storedParagraphs } from "@/server/essay/key-blocks.ts";
import { renderCommentMarkdown } from "@/server/comments/markdown/render.ts";
import { commentRankSql } from "@/server/comments/ranking.ts";
import { commentBodies } from "./bodies.ts";

export interface CommentTree {
  essayId: string;
  slug: string;
  /** Id prefix of its comments. */
  prefix: string;
  count: number;
  topLevel: number;
}

export function commentId(tree: Pick<CommentTree, "prefix">, n: number): string {
  return `${tree.prefix}${n}`;
}

/** The share of replies and the thread shape: depth of each of ten replies, and its parent among them (-1: the thread's root). */
const replyShare = 0.3;
const threadParents = [-1, -1, 0, 2, 3, 4, 5, 6, 7, 1];
const threadDepths = [1, 1, 2, 3, 4, 5, 6, 7, 8, 2];

/** The text pool and the essay's paragraphs as two work tables, joined by the INSERTs. */
export async function writeWorkTables(db: Db, essayId: string): Promise<void> {
  await dropWorkTables(db);
  await db.$executeRawUnsafe(`CREATE TABLE "_bench_bodies" (i int PRIMARY KEY, body text NOT NULL, html text NOT NULL)`);
  await db.$executeRawUnsafe(`CREATE TABLE "_bench_paragraphs" (i int PRIMARY KEY, key text NOT NULL, quote text NOT NULL)`);
  for (const [i, body] of commentBodies().entries()) {
    const html = await renderCommentMarkdown(body);
    await db.$executeRawUnsafe(`INSERT INTO "_bench_bodies" VALUES ($1::int, $2::text, $3::text)`, i, body, html);
  }
  const essay = await db.essay.findUniqueOrThrow({ where: { id: essayId }, select: { blocks: true } });
  for (const [i, paragraph] of storedParagraphs(essay.blocks).entries()) {
    await db.$executeRawUnsafe(`INSERT INTO "_bench_paragraphs" VALUES ($1::int, $2::text, $3::text)`, i, paragraph.key, paragraph.text);
  }
}

export async function dropWorkTables(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "_bench_bodies"`);
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "_bench_paragraphs"`);
  await dropPlanTables(db);
}

async function dropPlanTables(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "_bench_tree"`);
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "_bench_votes"`);
}

/** A copy of the essay under another slug, for a second comment section of another size. */
export async function copyEssay(db: Db, fromSlug: string, slug: string): Promise<string> {
  const id = `bench-essay-${slug}`;
  await db.$executeRawUnsafe(
    `INSERT INTO "Essay" (id, slug, title, author, "authorHandle", publisher, "publisherHandle", label, language, "publishedAt",
                          source, blocks, "relatedReadings", "readingMinutes", "contentHash", "createdAt", "updatedAt")
     SELECT $1::text, $2::text, title, author, "authorHandle", publisher, "publisherHandle", label, language, "publishedAt",
            source, blocks, "relatedReadings", "readingMinutes", "contentHash", now(), now()
     FROM "Essay" WHERE slug = $3::text`,
    id,
    slug,
    fromSlug,
  );
  return id;
}

export interface SectionOptions {
  essayId: string;
  slug: string;
  /** Id prefix of its comments. */
  prefix: string;
  count: number;
  /** Readers `<prefix>1…<count>` who write the comments. */
  authors: { prefix: string; count: number };
  /** Readers who cast the upvotes, and how many upvotes in all. */
  voters: { prefix: string; count: number };
  votes: number;
}

/**
 * One comment section: its comments with score, replyCount and rank already right, then its votes.
 * Returns the tree and the number of votes written.
 */
export async function seedCommentSection(db: Db, options: SectionOptions): Promise<{ tree: CommentTree; votes: number }> {
  const topLevel = Math.max(1, Math.round(options.count * (1 - replyShare)));
  const tree: CommentTree = { essayId: options.essayId, slug: options.slug, prefix: options.prefix, count: options.count, topLevel };
  await dropPlanTables(db);
  try {
    await planComments(db, tree, options.authors.count);
    await planVotes(db, tree, options.voters.count, options.votes);
    // Statistics of the plan, so that the joins below are hashed: without them the planner sizes
    // freshly filled tables by default guesses and may nest loops, quadratic at 100,000 comments
    // (a full-size run on PGlite without this line had not finished after 10 minutes).
    await db.$executeRawUnsafe(`ANALYZE "_bench_tree", "_bench_votes"`);
    await writeComments(db, tree, options.authors.prefix);
    const votes = await db.$executeRawUnsafe(
      // Primary-key order: each index page is filled once instead of revisited at random.
      `INSERT INTO "CommentVote" ("commentId", "userId", "createdAt")
       SELECT $1::text || v.n, $2::text || v.u, now() - interval '1 hour' FROM "_bench_votes" v ORDER BY 1, 2`,
      tree.prefix,
      options.voters.prefix,
    );
    return { tree, votes };
  } finally {
    await dropPlanTables(db);
  }
}

/**
 * The section's comments by number (top-level 1…topLevel, then the replies), with their shape,
 * author, text and time. Top-level comment n was written (count - n + 1) × 40 s before a day ago,
 * newest last; the replies of a thread follow its root 3 minutes apart. Times are rounded to the
 * column's milliseconds here, so the rank is computed from the very value stored.
 */
async function planComments(db: Db, tree: CommentTree, authors: number): Promise<void> {
  const [{ bodies, paragraphs }] = (await db.$queryRawUnsafe<Array<{ bodies: number; paragraphs: number }>>(
    `SELECT (SELECT count(*)::int FROM "_bench_bodies") AS bodies, (SELECT count(*)::int FROM "_bench_paragraphs") AS paragraphs`,
  )) as [{ bodies: number; paragraphs: number }];
  await db.$executeRawUnsafe(
    `CREATE UNLOGGED TABLE "_bench_tree" (n int NOT NULL, parent int, root int NOT NULL, depth int NOT NULL, author int NOT NULL,
                                          body int NOT NULL, paragraph int, at timestamp(3) NOT NULL)`,
  );
  const writtenAt = (n: string) => `now() - interval '1 day' - make_interval(secs => ($1::int - ${n} + 1) * 40)`;
  await db.$executeRawUnsafe(
    `INSERT INTO "_bench_tree"
     SELECT n, NULL, n, 0, 1 + (n * 37) % $3::int, (n * 31) % $4::int,
            CASE WHEN $5::int > 0 AND n % 10 = 0 THEN (n / 10) % GREATEST($5::int, 1) END,
            ${writtenAt("n")}
     FROM generate_series(1, $2::int) AS n`,
    tree.count,
    tree.topLevel,
    authors,
    bodies,
    paragraphs,
  );
  const replies = tree.count - tree.topLevel;
  if (replies === 0) return;
  await db.$executeRawUnsafe(
    `INSERT INTO "_bench_tree"
     SELECT $2::int + 1 + r, CASE WHEN s.parent < 0 THEN s.root ELSE $2::int + 1 + t.g * 10 + s.parent END, s.root, s.depth,
            1 + (r * 53) % $4::int, (r * 17) % $5::int, NULL,
            ${writtenAt("s.root")} + make_interval(mins => (t.pos + 1) * 3)
     FROM generate_series(0, $3::int - 1) AS r
     CROSS JOIN LATERAL (SELECT r / 10 AS g, r % 10 AS pos) t
     CROSS JOIN LATERAL (SELECT 1 + (t.g * 7919) % $2::int AS root,
                                (ARRAY[${threadParents.join(",")}])[t.pos + 1] AS parent,
                                (ARRAY[${threadDepths.join(",")}])[t.pos + 1] AS depth) s`,
    tree.count,
    tree.topLevel,
    replies,
    authors,
    bodies,
  );
}

/**
 * `votes` upvotes by readers 1…`voters` on the section's comments, none twice: reader u votes on
 * start + k × step (k < votes/voters), with step ≤ count / per-reader so no two land on the same
 * comment; the cube of a uniform number picks where a reader starts, so a few comments collect many.
 */
async function planVotes(db: Db, tree: CommentTree, voters: number, votes: number): Promise<void> {
  const perReader = Math.max(1, Math.min(tree.count, Math.round(votes / voters)));
  const maxStep = Math.max(1, Math.floor(tree.count / perReader));
  await db.$executeRawUnsafe(`CREATE UNLOGGED TABLE "_bench_votes" (n int NOT NULL, u int NOT NULL)`);
  await db.$executeRawUnsafe(
    `INSERT INTO "_bench_votes"
     SELECT 1 + (v.start + k * v.step) % $2::int, u
     FROM generate_series(1, $3::int) AS u
     CROSS JOIN LATERAL (
       SELECT floor($2::int * power(((u::bigint * 2654435761) % 1000003) / 1000003.0, 3))::int AS start,
              1 + ((u::bigint * 40503) % $4::int)::int AS step
     ) v
     CROSS JOIN generate_series(0, $1::int - 1) AS k`,
    perReader,
    tree.count,
    voters,
    maxStep,
  );
}

/**
 * The comments, in id order, with score and replyCount counted from the planned votes and replies
 * (as the app maintains them) and rank by the app's formula (commentRankSql, which ranking.test.ts
 * holds equal to commentRank) from that score and the stored time.
 */
async function writeComments(db: Db, tree: CommentTree, authorPrefix: string): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO "Comment" (id, "essayId", "authorId", "parentId", "rootId", depth, "paragraphKey", "paragraphQuote",
                            body, "bodyHtml", status, score, "replyCount", rank, "createdAt", "updatedAt")
     SELECT $1::text || t.n, $2::text, $3::text || t.author, $1::text || t.parent, $1::text || t.root, t.depth, p.key, p.quote,
            b.body, b.html, 'VISIBLE', s.score, coalesce(r.replies, 0), ${commentRankSql("s.score", "t.at")}, t.at, t.at
     FROM "_bench_tree" t
     JOIN "_bench_bodies" b ON b.i = t.body
     LEFT JOIN "_bench_paragraphs" p ON p.i = t.paragraph
     LEFT JOIN (SELECT parent, count(*)::int AS replies FROM "_bench_tree" WHERE parent IS NOT NULL GROUP BY parent) r ON r.parent = t.n
     LEFT JOIN (SELECT n, count(*)::int AS votes FROM "_bench_votes" GROUP BY n) c ON c.n = t.n
     CROSS JOIN LATERAL (SELECT coalesce(c.votes, 0) AS score) s
     ORDER BY 1`,
    tree.prefix,
    tree.essayId,
    authorPrefix,
  );
}
