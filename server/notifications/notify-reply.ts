/**
 * Tells a comment's author that someone replied: a REPLY notification for the parent's author,
 * written in the reply's own transaction (the reply and its notification exist together or not at
 * all), and a live ping on the recipient's channel once that transaction has committed.
 */
import type { Db } from "@/server/db/client.ts";
import { Prisma } from "@/server/db/generated/client.ts";
import { newCommentId } from "@/server/comments/comment-id.ts";
import { notificationsChannel, publishLiveEventSafely } from "@/server/live/publish.ts";

export interface ReplyNotice {
  replyId: string;
  replyAuthorId: string;
  /** The author of the comment replied to. */
  parentAuthorId: string;
}

/** Nobody is told about their own reply to themselves. */
function notifies(notice: ReplyNotice): boolean {
  return notice.replyAuthorId !== notice.parentAuthorId;
}

/**
 * The REPLY notification as a part of the reply's own statement (comments.create writes the reply,
 * the parent's replyCount and this in one statement, server/api/routers/comments/create-comment.ts):
 * an INSERT … SELECT from that statement's CTEs `parent` ("authorId") and `reply` (id). The WHERE
 * is notifies() below: nobody is told about their own reply.
 */
export function replyNotificationInsert(replyAuthorId: string, now: Date): Prisma.Sql {
  // Made here, as Prisma makes the cuids of the rows it inserts itself.
  const id = newCommentId();
  return Prisma.sql`
    INSERT INTO "Notification" (id, kind, "recipientId", "actorId", "commentId", "createdAt")
    SELECT ${id}, 'REPLY'::"NotificationKind", parent."authorId", ${replyAuthorId}, reply.id, ${now}
    FROM parent CROSS JOIN reply WHERE parent."authorId" <> ${replyAuthorId}
    RETURNING id`;
}

/** Call inside the reply's transaction; nothing is written when people reply to themselves. */
export async function notifyReply(tx: Prisma.TransactionClient, notice: ReplyNotice): Promise<void> {
  if (!notifies(notice)) return;
  await tx.notification.create({
    data: { kind: "REPLY", recipientId: notice.parentAuthorId, actorId: notice.replyAuthorId, commentId: notice.replyId },
    select: { id: true },
  });
}

/**
 * Call after the reply's transaction committed: the recipient's bell refreshes at once. A failed
 * publish is logged, never an error for the reply's author (the bell also polls).
 */
export async function announceReply(db: Db, notice: ReplyNotice): Promise<void> {
  if (!notifies(notice)) return;
  await publishLiveEventSafely(db, notificationsChannel(notice.parentAuthorId), { type: "notification" });
}
