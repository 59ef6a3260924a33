/**
 * comments.vote: sets the reader's upvote to the state they asked for, idempotently.
 *
 * The comment row is locked first, so one comment's votes queue and each reads the score the
 * previous one committed; the vote row is inserted with ON CONFLICT DO NOTHING (or deleted), and
 * the score moves only when a row really was inserted or deleted. Score and votes change in one
 * transaction, so score = count(votes) in every committed state: 200 concurrent identical votes
 * by one reader leave one vote and a score of one. Voting for one's own comment and for a
 * tombstone are refused: neither says anything about what others think of a text.
 */
import { appError } from "@/server/api/errors.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { commentRank } from "@/server/comments/ranking.ts";
import { commentsChannel, publishLiveEventSafely } from "@/server/live/publish.ts";
import { commentTransactionOptions, resolveOptions, type CommentHandlerOptions } from "./handler-options.ts";
import { lockComment, readCommentForWrite, type LockedComment } from "./lock-comment.ts";
import type { CommentEvent } from "./schemas.ts";

export interface VoteResult {
  commentId: string;
  score: number;
  upvoted: boolean;
}

export async function voteOnComment(
  db: Db,
  user: SessionUser,
  input: { commentId: string; upvoted: boolean },
  options: CommentHandlerOptions = {},
): Promise<VoteResult> {
  const { now, rateGate } = resolveOptions(db, options);
  // Checked before the limit, so a refused vote does not count; checked again under the lock.
  checkVotable(await readCommentForWrite(db, input.commentId, { lock: false }), user);
  await rateGate("vote", user.id);

  const result = await db.$transaction(async (tx) => {
    const comment = await lockComment(tx, input.commentId);
    checkVotable(comment, user);

    const changed = input.upvoted
      ? await tx.$executeRaw`
          INSERT INTO "CommentVote" ("commentId", "userId", "createdAt") VALUES (${comment.id}, ${user.id}, ${now})
          ON CONFLICT ("commentId", "userId") DO NOTHING`
      : await tx.$executeRaw`DELETE FROM "CommentVote" WHERE "commentId" = ${comment.id} AND "userId" = ${user.id}`;
    if (changed === 0) return { essayId: comment.essayId, score: comment.score, changed: false };

    const score = comment.score + (input.upvoted ? 1 : -1);
    await tx.comment.update({ where: { id: comment.id }, data: { score, rank: commentRank(score, comment.createdAt) }, select: { id: true } });
    return { essayId: comment.essayId, score, changed: true };
  }, commentTransactionOptions);

  if (result.changed) {
    const event: CommentEvent = { type: "score", commentId: input.commentId, score: result.score };
    await publishLiveEventSafely(db, commentsChannel(result.essayId), event);
  }
  return { commentId: input.commentId, score: result.score, upvoted: input.upvoted };
}

function checkVotable(comment: LockedComment, user: SessionUser): void {
  if (comment.status !== "VISIBLE") throw appError("BAD_REQUEST", "comments.deletedComment");
  if (comment.authorId === user.id) throw appError("FORBIDDEN", "comments.ownComment");
}
