/**
 * Pages of comments as the API sends them: a keyset page of rows, the first replies of each in
 * one more query, then authors and the reader's upvotes for all of them (views.ts). Four queries
 * per page whatever its size (no N+1).
 */
import type { Db } from "@/server/db/client.ts";
import type { CommentWithReplies } from "@/server/api/routers/comments/schemas.ts";
import { cursorAfter, decodeCursor, type CommentOrder } from "./cursor.ts";
import { firstReplyRows, replyRows, topLevelRows, type CommentRow } from "./rows.ts";
import { commentViews, withReplies, type CommentReader } from "./views.ts";

/** Replies shown under each comment before "more replies". */
export const firstRepliesShown = 3;

export interface CommentPage {
  items: CommentWithReplies[];
  nextCursor: string | null;
}

export async function topLevelPage(
  db: Db,
  params: { essayId: string; paragraphKey: string | null; order: CommentOrder; cursor: string | null; limit: number },
  reader: CommentReader,
): Promise<CommentPage> {
  const cursor = params.cursor === null ? null : decodeCursor(params.cursor, params.order);
  const rows = await topLevelRows(db, params, params.order, cursor, params.limit + 1);
  return pageOf(db, params.essayId, rows, params.limit, params.order, reader);
}

export async function repliesPage(
  db: Db,
  params: { essayId: string; parentId: string; cursor: string | null; limit: number },
  reader: CommentReader,
): Promise<CommentPage> {
  const cursor = params.cursor === null ? null : decodeCursor(params.cursor, "oldest");
  const rows = await replyRows(db, params.parentId, cursor, params.limit + 1);
  return pageOf(db, params.essayId, rows, params.limit, "oldest", reader);
}

async function pageOf(db: Db, essayId: string, fetched: CommentRow[], limit: number, order: CommentOrder, reader: CommentReader): Promise<CommentPage> {
  const rows = fetched.slice(0, limit);
  const last = rows.at(-1);
  const nextCursor = fetched.length > limit && last ? cursorAfter(last, order) : null;
  const replies = await firstReplyRows(db, rows.filter((row) => row.replyCount > 0).map((row) => row.id), firstRepliesShown);
  const views = await commentViews(db, essayId, [...rows, ...replies], reader);
  return { items: withReplies(views.slice(0, rows.length), views.slice(rows.length)), nextCursor };
}
