/**
 * Reading comment rows with keyset SQL. Raw SQL because the page predicates are row comparisons,
 * `(rank, id) < ($1, $2)`, which PostgreSQL turns into one index seek on
 * (essayId, parentId, rank, id) or (essayId, parentId, createdAt, id); the equivalent
 * `rank < $1 OR (rank = $1 AND id < $2)` that an ORM writes makes it scan from the first row.
 */
import type { Db } from "@/server/db/client.ts";
import { Prisma } from "@/server/db/generated/client.ts";
import type { CommentCursor, CommentOrder } from "./cursor.ts";

type Reader = Db | Prisma.TransactionClient;

export interface CommentRow {
  id: string;
  essayId: string;
  authorId: string;
  parentId: string | null;
  rootId: string | null;
  depth: number;
  paragraphKey: string | null;
  paragraphQuote: string | null;
  bodyHtml: string;
  status: "VISIBLE" | "DELETED" | "REMOVED" | "HELD";
  score: number;
  replyCount: number;
  rank: number;
  createdAt: Date;
  editedAt: Date | null;
  /** Why it is held or was removed (docs/moderation.md), and the moderator's note: for its author only. */
  moderationReason: string | null;
  moderatorNote: string | null;
}

/** Everything a CommentView needs; never `body` (the source is only for its author's editor). */
export const commentColumns = Prisma.sql`c.id, c."essayId", c."authorId", c."parentId", c."rootId", c.depth,
  c."paragraphKey", c."paragraphQuote", c."bodyHtml", c.status::text AS status, c.score, c."replyCount",
  c.rank, c."createdAt", c."editedAt", c."moderationReason", c."moderatorNote"`;

/**
 * What a reader sees: visible comments, and deleted, removed or held ones only while they still
 * have replies to hold together (tombstones). replyCount counts exactly such children, so this one
 * column decides it. A HELD comment therefore reaches nobody through these reads: it never counts
 * in its parent's replyCount (docs/moderation.md, "Where HELD is filtered").
 */
export const readerVisible = Prisma.sql`(c.status = 'VISIBLE' OR c."replyCount" > 0)`;

/**
 * The ORDER BY names the index's leading columns too, though they are fixed by the WHERE: the
 * planner treats `parentId IS NULL` as a filter, not as an equality that makes the column
 * constant, and without them it sorts all 70,000 top-level rows (≈100 ms at 100,000 comments)
 * instead of reading 21 index entries (≈0.2 ms).
 */
const orderings: Record<CommentOrder, { orderBy: Prisma.Sql; after: (cursor: CommentCursor) => Prisma.Sql }> = {
  top: {
    orderBy: Prisma.sql`c."essayId" DESC, c."parentId" DESC, c.rank DESC, c.id DESC`,
    after: (cursor) => Prisma.sql`AND (c.rank, c.id) < (${cursor.key}::float8, ${cursor.id})`,
  },
  newest: {
    orderBy: Prisma.sql`c."essayId" DESC, c."parentId" DESC, c."createdAt" DESC, c.id DESC`,
    after: (cursor) => Prisma.sql`AND (c."createdAt", c.id) < (${new Date(cursor.key)}::timestamp(3), ${cursor.id})`,
  },
  oldest: {
    orderBy: Prisma.sql`c."essayId" ASC, c."parentId" ASC, c."createdAt" ASC, c.id ASC`,
    after: (cursor) => Prisma.sql`AND (c."createdAt", c.id) > (${new Date(cursor.key)}::timestamp(3), ${cursor.id})`,
  },
};

/** One page (plus one row, to know whether there is a next page) of an essay's top-level comments. */
export function topLevelRows(
  db: Reader,
  where: { essayId: string; paragraphKey: string | null },
  order: CommentOrder,
  cursor: CommentCursor | null,
  take: number,
): Promise<CommentRow[]> {
  const { orderBy, after } = orderings[order];
  return db.$queryRaw<CommentRow[]>`
    SELECT ${commentColumns} FROM "Comment" c
    WHERE c."essayId" = ${where.essayId} AND c."parentId" IS NULL AND ${readerVisible}
      ${where.paragraphKey === null ? Prisma.empty : Prisma.sql`AND c."paragraphKey" = ${where.paragraphKey}`}
      ${cursor ? after(cursor) : Prisma.empty}
    ORDER BY ${orderBy}
    LIMIT ${take}`;
}

/** One page (plus one row) of a comment's direct replies, oldest first. */
export function replyRows(db: Reader, parentId: string, cursor: CommentCursor | null, take: number): Promise<CommentRow[]> {
  const { after } = orderings.oldest;
  // On (parentId, createdAt, id): parentId = $1 is an equality, so the index order serves as is.
  return db.$queryRaw<CommentRow[]>`
    SELECT ${commentColumns} FROM "Comment" c
    WHERE c."parentId" = ${parentId} AND ${readerVisible} ${cursor ? after(cursor) : Prisma.empty}
    ORDER BY c."createdAt" ASC, c.id ASC
    LIMIT ${take}`;
}

/**
 * The first `perParent` visible replies of each parent, oldest first, in one query: a LATERAL
 * subquery per parent seeks (parentId, createdAt, id) and stops after `perParent` rows, so a
 * parent with a thousand replies costs what one with three does.
 */
export async function firstReplyRows(db: Reader, parentIds: string[], perParent: number): Promise<CommentRow[]> {
  if (parentIds.length === 0) return [];
  return db.$queryRaw<CommentRow[]>`
    SELECT r.* FROM unnest(ARRAY[${Prisma.join(parentIds)}]::text[]) AS p(id)
    CROSS JOIN LATERAL (
      SELECT ${commentColumns} FROM "Comment" c
      WHERE c."parentId" = p.id AND ${readerVisible}
      ORDER BY c."createdAt" ASC, c.id ASC
      LIMIT ${perParent}
    ) r
    ORDER BY r."createdAt" ASC, r.id ASC`;
}

/** One comment as readers may see it; null when missing or gone. */
export async function visibleRow(db: Reader, commentId: string): Promise<CommentRow | null> {
  const rows = await db.$queryRaw<CommentRow[]>`
    SELECT ${commentColumns} FROM "Comment" c WHERE c.id = ${commentId} AND ${readerVisible}`;
  return rows[0] ?? null;
}

/**
 * The chain of comments above `parentId`, root first. Every ancestor of a visible comment has a
 * visible reply, so it is visible too (perhaps as a tombstone). Depth bounds the walk.
 */
export function ancestorRows(db: Reader, parentId: string): Promise<CommentRow[]> {
  return db.$queryRaw<CommentRow[]>`
    WITH RECURSIVE chain AS (
      SELECT ${commentColumns} FROM "Comment" c WHERE c.id = ${parentId}
      UNION ALL
      SELECT ${commentColumns} FROM "Comment" c JOIN chain ON c.id = chain."parentId"
    )
    SELECT * FROM chain ORDER BY depth ASC`;
}

/**
 * The reader's own comments on an essay that others do not see as written: held for review or
 * removed by a moderator, newest first (comments.mine). On (authorId, createdAt).
 */
export function ownModeratedRows(db: Reader, essayId: string, authorId: string, limit: number): Promise<CommentRow[]> {
  return db.$queryRaw<CommentRow[]>`
    SELECT ${commentColumns} FROM "Comment" c
    WHERE c."authorId" = ${authorId} AND c."essayId" = ${essayId} AND c.status IN ('HELD', 'REMOVED')
    ORDER BY c."createdAt" DESC, c.id DESC
    LIMIT ${limit}`;
}

/** One comment whatever its state (its author's view after a write). */
export async function anyRow(db: Reader, commentId: string): Promise<CommentRow | null> {
  const rows = await db.$queryRaw<CommentRow[]>`SELECT ${commentColumns} FROM "Comment" c WHERE c.id = ${commentId}`;
  return rows[0] ?? null;
}
