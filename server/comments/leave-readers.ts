/**
 * A visible comment leaving what readers see (its author deleting it, a moderator rejecting it,
 * a hold: community flags or a held edit), and the live events that tell open pages. With replies
 * it stays as a tombstone that holds its thread; without, it is gone, and so are the tombstones
 * above it left holding nothing (reply-counts.ts). Shared so every way out keeps the counts and
 * sends the same events.
 */
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import type { CommentEvent } from "@/server/api/routers/comments/schemas.ts";
import { commentsChannel, publishLiveEventSafely } from "@/server/live/publish.ts";
import { markCommentCountsStale } from "./counts.ts";
import { releaseFromParents } from "./reply-counts.ts";

export interface LeftReaders {
  essayId: string;
  outcome: "tombstone" | "gone";
  goneAncestors: string[];
}

/** Inside the transaction, after the comment's row was locked and its status changed. */
export async function leaveReaders(
  tx: Prisma.TransactionClient,
  comment: { essayId: string; parentId: string | null; replyCount: number },
): Promise<LeftReaders> {
  if (comment.replyCount > 0) return { essayId: comment.essayId, outcome: "tombstone", goneAncestors: [] };
  const goneAncestors = await releaseFromParents(tx, comment.parentId);
  return { essayId: comment.essayId, outcome: "gone", goneAncestors };
}

/** After the commit: the counts refresh and open pages drop the comment (and its gone ancestors). */
export async function announceLeft(db: Db, commentId: string, result: LeftReaders, { accountDeleted = false } = {}): Promise<void> {
  markCommentCountsStale(db, result.essayId);
  const channel = commentsChannel(result.essayId);
  // Comments that are gone leave their paragraph's margin count (a tombstone still counts).
  const paragraph = result.outcome === "gone" ? await threadParagraph(db, commentId) : {};
  const events: CommentEvent[] = [
    // A deleted account's tombstone reads "[deleted user]" (server/account/delete-account.ts).
    { type: "deleted", commentId, outcome: result.outcome, ...paragraph, ...(accountDeleted && result.outcome === "tombstone" ? { accountDeleted: true as const } : {}) },
    ...result.goneAncestors.map((id): CommentEvent => ({ type: "deleted", commentId: id, outcome: "gone", ...paragraph })),
  ];
  for (const event of events) await publishLiveEventSafely(db, channel, event);
}

/**
 * The paragraph the comment's thread is about, as the event's optional field (its ancestors share
 * the thread). Read after the commit: a comment's root and the root's paragraph never change. The
 * deletion is done by then, so a failure here only leaves the field out (the margin then keeps
 * its count until the next page load).
 */
export async function threadParagraph(db: Db, commentId: string): Promise<{ paragraphKey?: string }> {
  try {
    const [row] = await db.$queryRaw<{ paragraphKey: string | null }[]>`
      SELECT r."paragraphKey" FROM "Comment" c JOIN "Comment" r ON r.id = COALESCE(c."rootId", c.id) WHERE c.id = ${commentId}`;
    return row?.paragraphKey ? { paragraphKey: row.paragraphKey } : {};
  } catch (error) {
    console.error("[comments] the paragraph of a deleted comment could not be read for its live event", error);
    return {};
  }
}
