/**
 * comments.delete: soft. The author's deletion marks the comment DELETED, a moderator's REMOVED;
 * the body stays in the database for moderation but is never sent again.
 *
 * A comment with visible replies becomes a tombstone that holds its thread together. One without
 * is gone: its parent has one visible reply fewer, and a parent that is itself a tombstone and
 * now holds nothing is gone too, and so on up. All in one transaction that locks each row before
 * reading its replyCount, bottom up (the order every writer locks in: a reply locks only its
 * parent), so concurrent replies and deletions in one thread keep every replyCount exact.
 */
import { appError } from "@/server/api/errors.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { announceLeft, leaveReaders } from "@/server/comments/leave-readers.ts";
import type { RequestMeta } from "@/server/api/trpc.ts";
import { appendModerationLog } from "@/server/moderation/audit-log.ts";
import { isModeratorRole } from "@/server/comments/views.ts";
import { commentTransactionOptions } from "./handler-options.ts";
import { lockComment } from "./lock-comment.ts";

export interface DeleteOutcome {
  commentId: string;
  outcome: "tombstone" | "gone";
}

export async function deleteComment(
  db: Db,
  user: SessionUser,
  commentId: string,
  { now = new Date(), request = null }: { now?: Date; request?: RequestMeta | null } = {},
): Promise<DeleteOutcome> {
  const result = await db.$transaction(async (tx) => {
    const comment = await lockComment(tx, commentId);
    const isAuthor = comment.authorId === user.id;
    if (!isAuthor && !isModeratorRole(user.role)) throw appError("FORBIDDEN", "comments.notAllowedToDelete");
    if (comment.status !== "VISIBLE") throw appError("BAD_REQUEST", "comments.deletedComment");

    // Moderators deleting their own comment delete it as its author.
    const status = isAuthor ? "DELETED" : "REMOVED";
    const moderated = status === "REMOVED" ? { moderatedAt: now, moderatedById: user.id } : {};
    await tx.comment.update({ where: { id: comment.id }, data: { status, deletedAt: now, updatedAt: now, ...moderated }, select: { id: true } });
    // A moderator's removal is a moderation decision: in the audit log (docs/moderation.md).
    if (status === "REMOVED") {
      await appendModerationLog(tx, [
        { actorId: user.id, action: "remove", targetType: "comment", targetId: comment.id, before: { status: "VISIBLE" }, after: { status: "REMOVED" }, request, at: now },
      ]);
    }
    return leaveReaders(tx, comment);
  }, commentTransactionOptions);
  await announceLeft(db, commentId, result);
  return { commentId, outcome: result.outcome };
}
