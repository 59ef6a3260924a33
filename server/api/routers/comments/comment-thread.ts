/**
 * comments.thread: a comment in context, for its permalink (/c/<id>) and "continue this thread":
 * its essay, the chain of comments it answers (root first, one recursive query), the comment, and
 * the first page of its replies.
 */
import { appError } from "@/server/api/errors.ts";
import type { Db } from "@/server/db/client.ts";
import { repliesPage } from "@/server/comments/pages.ts";
import { ancestorRows, visibleRow } from "@/server/comments/rows.ts";
import { commentViews, type CommentReader } from "@/server/comments/views.ts";
import type { CommentThread } from "./schemas.ts";

export const threadRepliesPageSize = 20;

export async function commentThread(db: Db, commentId: string, reader: CommentReader): Promise<CommentThread> {
  const row = await visibleRow(db, commentId);
  if (!row) throw appError("NOT_FOUND", "comments.notFound");
  const [essay, ancestors, replies] = await Promise.all([
    db.essay.findUniqueOrThrow({ where: { id: row.essayId }, select: { slug: true, title: true } }),
    row.parentId === null ? [] : ancestorRows(db, row.parentId),
    repliesPage(db, { essayId: row.essayId, parentId: row.id, cursor: null, limit: threadRepliesPageSize }, reader),
  ]);
  const views = await commentViews(db, row.essayId, [...ancestors, row], reader);
  return { essay, ancestors: views.slice(0, -1), comment: views.at(-1)!, replies };
}
