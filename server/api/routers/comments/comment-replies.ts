/** comments.replies: a page of a comment's direct replies, oldest first, each with its first replies. */
import { appError } from "@/server/api/errors.ts";
import type { Db } from "@/server/db/client.ts";
import { repliesPage, type CommentPage } from "@/server/comments/pages.ts";
import { visibleRow } from "@/server/comments/rows.ts";
import type { CommentReader } from "@/server/comments/views.ts";

export async function commentReplies(
  db: Db,
  input: { parentId: string; cursor?: string | null | undefined; limit: number },
  reader: CommentReader,
): Promise<CommentPage> {
  const parent = await visibleRow(db, input.parentId);
  if (!parent) throw appError("NOT_FOUND", "comments.notFound");
  return repliesPage(db, { essayId: parent.essayId, parentId: parent.id, cursor: input.cursor ?? null, limit: input.limit }, reader);
}
