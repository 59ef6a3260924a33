/** comments.source: the Markdown of a comment for its author's inline editor (views carry only HTML). */
import { appError } from "@/server/api/errors.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";

export async function commentSource(db: Db, user: SessionUser, commentId: string): Promise<{ commentId: string; body: string }> {
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { authorId: true, status: true, body: true, replyCount: true } });
  if (!comment || (comment.status !== "VISIBLE" && comment.replyCount === 0)) throw appError("NOT_FOUND", "comments.notFound");
  // Only what the editor may change: the author's own visible comment (viewer.canEdit).
  if (comment.authorId !== user.id || comment.status !== "VISIBLE") throw appError("FORBIDDEN", "comments.notAuthor");
  return { commentId, body: comment.body };
}
