/**
 * comments.history: the texts an edited comment had before, oldest first. Public, like the
 * "edited" mark it explains; a tombstone has no text to show, so no history either.
 */
import { appError } from "@/server/api/errors.ts";
import type { Db } from "@/server/db/client.ts";

export async function commentHistory(db: Db, commentId: string): Promise<{ commentId: string; revisions: { bodyHtml: string; replacedAt: Date }[] }> {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: {
      status: true,
      revisions: { select: { bodyHtml: true, createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!comment || comment.status !== "VISIBLE") throw appError("NOT_FOUND", "comments.notFound");
  return { commentId, revisions: comment.revisions.map((r) => ({ bodyHtml: r.bodyHtml, replacedAt: r.createdAt })) };
}
