/**
 * The comments issue's data set, written with set-based SQL (INSERT … SELECT over
 * generate_series) so that 100,000 comments and 1,000,000 votes take seconds on PostgreSQL:
 *
 * - readers `bu_1…`, who wrote the comments and cast the votes (no sessions: nobody signs in as them);
 * - on an essay: `count` comments, 70% top-level (one in ten about a paragraph, quoting it) and
 *   30% replies in threads of ten whose depths run 1–8, spread over the weeks before now;
 * - `votes` upvotes, `votes / readers` per reader on distinct comments, skewed so that a few
 *   comments collect many (the cube of a uniform number picks where a reader starts);
 * - the maintained columns (score, replyCount) computed from those rows, as the app keeps them,
 *   and rank by the app's own formula (server/comments/ranking.ts), see `rankComments`.
 *
 * Comment ids are `<prefix><n>`: the loads address seeded comments without asking for them.
 */
import type { Db } from "@/server/db/client.ts";
import { storedParagraphs } from "@/server/essay/key-blocks.ts";
import { renderCommentMarkdown } from "@/server/comments/markdown/render.ts";
import { commentRank } from "@/server/comments/ranking.ts";
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

export async function seedCommentTree(
  db: Db,
  options: { essayId: string; slug: string; prefix: string; count: number; authors: { prefix: string; count: number } },
): Promise<CommentTree> {
  const { essayId, prefix, count, authors } = options;
  const topLevel = Math.max(1, Math.round(count * (1 - replyShare)));
  const replies = count - topLevel;
  const [{ bodies, paragraphs }] = await db.$queryRawUnsafe<Array<{ bodies: number; paragraphs: number }>>(
    `SELECT (SELECT count(*)::int FROM "_bench_bodies") AS bodies, (SELECT count(*)::int FROM "_bench_paragraphs") AS paragraphs`,
  ) as [{ bodies: number; paragraphs: number }];
  // Top-level comment n was written (count - n + 1) × 40 s before a day ago: newest last.
  const writtenAt = (n: string) => `now() - interval '1 day' - make_interval(secs => ($3::int - ${n} + 1) * 40)`;
  await db.$executeRawUnsafe(
    `INSERT INTO "Comment" (id, "essayId", "authorId", "parentId", "rootId", depth, "paragraphKey", "paragraphQuote",
                            body, "bodyHtml", status, score, "replyCount", rank, "createdAt", "updatedAt")
     SELECT $1::text || n, $2::text, $5::text || (1 + (n * 37) % $6::int), NULL, $1::text || n, 0, p.key, p.quote,
            b.body, b.html, 'VISIBLE', 0, 0, 0, ${writtenAt("n")}, ${writtenAt("n")}
     FROM generate_series(1, $4::int) AS n
     JOIN "_bench_bodies" b ON b.i = (n * 31) % $7::int
     LEFT JOIN "_bench_paragraphs" p ON $8::int > 0 AND n % 10 = 0 AND p.i = (n / 10) % GREATEST($8::int, 1)`,
    prefix,
    essayId,
    count,
    topLevel,
    authors.prefix,
    authors.count,
    bodies,
    paragraphs,
  );
  if (replies > 0) {
    await db.$executeRawUnsafe(
      `INSERT INTO "Comment" (id, "essayId", "authorId", "parentId", "rootId", depth, "paragraphKey", "paragraphQuote",
                              body, "bodyHtml", status, score, "replyCount", rank, "createdAt", "updatedAt")
       SELECT $1::text || ($4::int + 1 + r), $2::text, $5::text || (1 + (r * 53) % $6::int),
              $1::text || CASE WHEN s.parent < 0 THEN s.root ELSE $4::int + 1 + t.g * 10 + s.parent END,
              $1::text || s.root, s.depth, NULL, NULL, b.body, b.html, 'VISIBLE', 0, 0, 0,
              ${writtenAt("s.root")} + make_interval(mins => (t.pos + 1) * 3),
              ${writtenAt("s.root")} + make_interval(mins => (t.pos + 1) * 3)
       FROM generate_series(0, $8::int - 1) AS r
       CROSS JOIN LATERAL (SELECT r / 10 AS g, r % 10 AS pos) t
       CROSS JOIN LATERAL (SELECT 1 + (t.g * 7919) % $4::int AS root,
                                  (ARRAY[${threadParents.join(",")}])[t.pos + 1] AS parent,
                                  (ARRAY[${threadDepths.join(",")}])[t.pos + 1] AS depth) s
       JOIN "_bench_bodies" b ON b.i = (r * 17) % $7::int`,
      prefix,
      essayId,
      count,
      topLevel,
      authors.prefix,
      authors.count,
      bodies,
      replies,
    );
  }
  return { essayId, slug: options.slug, prefix, count, topLevel };
}

/**
 * `votes` upvotes by readers `<prefix>1…<readers>` on the tree's comments, none twice: reader u
 * votes on start + k × step (k < votes/readers), with step ≤ count / per-reader so no two land on
 * the same comment.
 */
export async function seedCommentVotes(db: Db, tree: CommentTree, voters: { prefix: string; count: number }, votes: number): Promise<number> {
  const perReader = Math.max(1, Math.min(tree.count, Math.round(votes / voters.count)));
  const maxStep = Math.max(1, Math.floor(tree.count / perReader));
  return db.$executeRawUnsafe(
    `INSERT INTO "CommentVote" ("commentId", "userId", "createdAt")
     SELECT $1::text || (1 + (v.start + k * v.step) % $3::int), $4::text || u, now() - interval '1 hour'
     FROM generate_series(1, $5::int) AS u
     CROSS JOIN LATERAL (
       SELECT floor($3::int * power(((u::bigint * 2654435761) % 1000003) / 1000003.0, 3))::int AS start,
              1 + ((u::bigint * 40503) % $6::int)::int AS step
     ) v
     CROSS JOIN generate_series(0, $2::int - 1) AS k`,
    tree.prefix,
    perReader,
    tree.count,
    voters.prefix,
    voters.count,
    maxStep,
  );
}

/** score and replyCount from the rows they count, as the app maintains them. */
export async function computeMaintainedColumns(db: Db, tree: CommentTree): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE "Comment" c SET score = v.n
     FROM (SELECT "commentId", count(*)::int AS n FROM "CommentVote" v JOIN "Comment" x ON x.id = v."commentId" AND x."essayId" = $1::text GROUP BY 1) v
     WHERE c.id = v."commentId"`,
    tree.essayId,
  );
  await db.$executeRawUnsafe(
    `UPDATE "Comment" c SET "replyCount" = r.n
     FROM (SELECT "parentId", count(*)::int AS n FROM "Comment" WHERE "essayId" = $1::text AND "parentId" IS NOT NULL GROUP BY 1) r
     WHERE c.id = r."parentId"`,
    tree.essayId,
  );
}

/** Rows per UPDATE when writing ranks: large enough to be quick, small enough for any driver. */
const rankChunk = 5000;

/**
 * rank = commentRank(score, createdAt), computed by the app's own function rather than a copy of
 * its formula in SQL, and written back in chunks.
 */
export async function rankComments(db: Db, tree: CommentTree): Promise<void> {
  const rows = await db.comment.findMany({ where: { essayId: tree.essayId }, select: { id: true, score: true, createdAt: true } });
  for (let start = 0; start < rows.length; start += rankChunk) {
    const chunk = rows.slice(start, start + rankChunk);
    await db.$executeRawUnsafe(
      `UPDATE "Comment" c SET rank = v.rank
       FROM unnest(string_to_array($1::text, ','), string_to_array($2::text, ',')::float8[]) AS v(id, rank)
       WHERE c.id = v.id`,
      chunk.map((row) => row.id).join(","),
      chunk.map((row) => String(commentRank(row.score, row.createdAt))).join(","),
    );
  }
}
