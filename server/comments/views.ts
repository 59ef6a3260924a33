/**
 * Comment rows → the CommentView the API sends (schemas.ts), for a whole page at once: authors in
 * one query (authors.ts) and the reader's own upvotes in one query, whatever the page size.
 */
import type { Db } from "@/server/db/client.ts";
import { Prisma } from "@/server/db/generated/client.ts";
import type { Role } from "@/server/db/generated/enums.ts";
import type { CommentView, CommentWithReplies } from "@/server/api/routers/comments/schemas.ts";
import { loadAuthors, type CommentAuthor } from "./authors.ts";
import type { CommentRow } from "./rows.ts";

/** The reason code a deleted account's comments carry (server/account/delete-account.ts). */
export const accountDeletedReason = "account_deleted";

type Reader = Db | Prisma.TransactionClient;

/** Who is reading: null for a signed-out visitor (then every `viewer` is null). */
export type CommentReader = { id: string; role: Role } | null;

export const isModeratorRole = (role: Role) => role === "MODERATOR" || role === "ADMIN";

export function toCommentView(row: CommentRow, author: CommentAuthor | undefined, reader: CommentReader, upvoted: boolean): CommentView {
  const visible = row.status === "VISIBLE";
  const isAuthor = reader !== null && reader.id === row.authorId;
  return {
    id: row.id,
    parentId: row.parentId,
    rootId: row.rootId ?? row.id,
    depth: row.depth,
    paragraph: row.paragraphKey === null ? null : { key: row.paragraphKey, quote: row.paragraphQuote ?? "" },
    status: visible ? "visible" : row.status === "DELETED" ? "deleted" : "removed",
    // A tombstone keeps its place in the thread and nothing else: no text, no author.
    bodyHtml: visible ? row.bodyHtml : null,
    author: visible ? (author ?? null) : null,
    score: row.score,
    replyCount: row.replyCount,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    viewer: viewerOf(reader, visible, isAuthor, upvoted),
    ...(row.status === "DELETED" && row.moderationReason === accountDeletedReason ? { accountDeleted: true as const } : {}),
  };
}

/**
 * Its author's own view of a comment others do not see as written (held, or removed by a
 * moderator): the text, the author, and why (no shadow bans: docs/moderation.md). A held comment
 * reads as "visible" with `moderation.state` "held"; it can be neither edited nor voted on while
 * it waits.
 */
export function ownModeratedView(row: CommentRow, author: CommentAuthor | undefined, reader: NonNullable<CommentReader>): CommentView {
  const held = row.status === "HELD";
  return {
    ...toCommentView({ ...row, status: "VISIBLE" }, author, reader, false),
    status: held ? "visible" : "removed",
    moderation: { state: held ? "held" : "removed", reason: row.moderationReason, note: row.moderatorNote },
    viewer: { upvoted: false, isAuthor: true, canEdit: false, canDelete: false },
  };
}

/** What a comment offers its reader: nothing for a tombstone, nothing at all signed out. */
export function viewerOf(reader: CommentReader, visible: boolean, isAuthor: boolean, upvoted: boolean): CommentView["viewer"] {
  if (reader === null) return null;
  return {
    upvoted: visible && upvoted,
    isAuthor: visible && isAuthor,
    canEdit: visible && isAuthor,
    canDelete: visible && (isAuthor || isModeratorRole(reader.role)),
  };
}

/** Views of `rows` in their order, with two queries for all of them. */
export async function commentViews(db: Reader, essayId: string, rows: CommentRow[], reader: CommentReader): Promise<CommentView[]> {
  if (rows.length === 0) return [];
  const visibleRows = rows.filter((row) => row.status === "VISIBLE");
  const [authors, upvoted] = await Promise.all([
    loadAuthors(db, essayId, visibleRows.map((row) => row.authorId)),
    upvotedBy(db, reader, visibleRows.map((row) => row.id)),
  ]);
  return rows.map((row) => toCommentView(row, authors.get(row.authorId), reader, upvoted.has(row.id)));
}

/** Which of `commentIds` the reader has upvoted, in one query. */
export async function upvotedBy(db: Reader, reader: CommentReader, commentIds: string[]): Promise<Set<string>> {
  if (reader === null || commentIds.length === 0) return new Set();
  // Raw SQL: on every signed-in page read, and Prisma's findMany costs about twice its CPU here.
  const votes = await db.$queryRaw<{ commentId: string }[]>`
    SELECT "commentId" FROM "CommentVote" WHERE "userId" = ${reader.id} AND "commentId" IN (${Prisma.join(commentIds)})`;
  return new Set(votes.map((vote) => vote.commentId));
}

/** Attaches to each parent its first replies (already fetched), keeping the parents' order. */
export function withReplies(parents: CommentView[], replies: CommentView[]): CommentWithReplies[] {
  const byParent = new Map<string, CommentView[]>();
  for (const reply of replies) {
    if (reply.parentId === null) continue;
    const list = byParent.get(reply.parentId) ?? [];
    list.push(reply);
    byParent.set(reply.parentId, list);
  }
  return parents.map((parent) => ({ ...parent, replies: byParent.get(parent.id) ?? [] }));
}
