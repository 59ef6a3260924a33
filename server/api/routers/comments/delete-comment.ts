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
import type { Prisma } from "@/server/db/generated/client.ts";
import { markCommentCountsStale } from "@/server/comments/counts.ts";
import { isModeratorRole } from "@/server/comments/views.ts";
import { commentsChannel, publishLiveEventSafely } from "@/server/live/publish.ts";
import { commentTransactionOptions } from "./handler-options.ts";
import { lockComment } from "./lock-comment.ts";
import type { CommentEvent } from "./schemas.ts";

export interface DeleteOutcome {
  commentId: string;
  outcome: "tombstone" | "gone";
}

export async function deleteComment(db: Db, user: SessionUser, commentId: string, { now = new Date() }: { now?: Date } = {}): Promise<DeleteOutcome> {
  const result = await db.$transaction(async (tx) => {
    const comment = await lockComment(tx, commentId);
    const isAuthor = comment.authorId === user.id;
    if (!isAuthor && !isModeratorRole(user.role)) throw appError("FORBIDDEN", "comments.notAllowedToDelete");
    if (comment.status !== "VISIBLE") throw appError("BAD_REQUEST", "comments.deletedComment");

    // Moderators deleting their own comment delete it as its author.
    const status = isAuthor ? "DELETED" : "REMOVED";
    await tx.comment.update({ where: { id: comment.id }, data: { status, deletedAt: now, updatedAt: now }, select: { id: true } });
    if (comment.replyCount > 0) return { essayId: comment.essayId, outcome: "tombstone" as const, goneAncestors: [] };
    const goneAncestors = await releaseFromParents(tx, comment.parentId);
    return { essayId: comment.essayId, outcome: "gone" as const, goneAncestors };
  }, commentTransactionOptions);
  markCommentCountsStale(db, result.essayId);

  const channel = commentsChannel(result.essayId);
  // Comments that are gone leave their paragraph's margin count (a tombstone still counts).
  const paragraph = result.outcome === "gone" ? await threadParagraph(db, commentId) : {};
  const events: CommentEvent[] = [
    { type: "deleted", commentId, outcome: result.outcome, ...paragraph },
    ...result.goneAncestors.map((id): CommentEvent => ({ type: "deleted", commentId: id, outcome: "gone", ...paragraph })),
  ];
  for (const event of events) await publishLiveEventSafely(db, channel, event);
  return { commentId, outcome: result.outcome };
}

/**
 * The paragraph the comment's thread is about, as the event's optional field (its ancestors share
 * the thread). Read after the commit: a comment's root and the root's paragraph never change. The
 * deletion is done by then, so a failure here only leaves the field out (the margin then keeps
 * its count until the next page load).
 */
async function threadParagraph(db: Db, commentId: string): Promise<{ paragraphKey?: string }> {
  try {
    const [row] = await db.$queryRaw<{ paragraphKey: string | null }[]>`
      SELECT r."paragraphKey" FROM "Comment" c JOIN "Comment" r ON r.id = COALESCE(c."rootId", c.id) WHERE c.id = ${commentId}`;
    return row?.paragraphKey ? { paragraphKey: row.paragraphKey } : {};
  } catch (error) {
    console.error("[comments] the paragraph of a deleted comment could not be read for its live event", error);
    return {};
  }
}

/**
 * A reply of `parentId` is gone: decrements its replyCount, and walks up while the parent is a
 * tombstone left with no visible reply. Returns the ancestors that went with it.
 */
async function releaseFromParents(tx: Prisma.TransactionClient, parentId: string | null): Promise<string[]> {
  const gone: string[] = [];
  let next = parentId;
  while (next !== null) {
    const [parent] = await tx.$queryRaw<{ id: string; parentId: string | null; status: string; replyCount: number }[]>`
      SELECT id, "parentId", status::text AS status, "replyCount" FROM "Comment" WHERE id = ${next} FOR UPDATE`;
    if (!parent) return gone;
    const replyCount = Math.max(0, parent.replyCount - 1);
    await tx.comment.update({ where: { id: parent.id }, data: { replyCount }, select: { id: true } });
    if (parent.status === "VISIBLE" || replyCount > 0) return gone;
    gone.push(parent.id);
    next = parent.parentId;
  }
  return gone;
}
