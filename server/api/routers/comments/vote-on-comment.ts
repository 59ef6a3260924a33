/**
 * comments.vote: sets the reader's upvote to the state they asked for, idempotently.
 *
 * One statement does the whole write (castVote below): it locks the comment row, inserts the vote
 * with ON CONFLICT DO NOTHING (or deletes it), and moves the score and rank only when a vote row
 * really was inserted or deleted. Score and votes change in one statement, so score = count(votes)
 * in every committed state: 200 concurrent identical votes by one reader leave one vote and a
 * score of one. The comment's row lock — the hot spot when many readers vote on one comment — is
 * held for that one statement only, never across a round trip to this process (whose event loop
 * may be busy with other requests). Voting for one's own comment and for a tombstone are refused:
 * neither says anything about what others think of a text.
 *
 * The per-account limit (60 a minute) is taken before the statement and given back when the
 * statement refuses the vote, so a refused vote costs the reader nothing, with no read of the
 * comment beforehand (one round trip less per vote). Taking first keeps the limit exact under
 * concurrency: a vote only runs once it holds a unit, so 200 concurrent votes never pass 60; a
 * refused one holds its unit only for the statement's duration.
 *
 * The new score reaches live readers through the score announcer (server/live/score-events.ts):
 * at most one event per essay per quarter second, carrying the scores of the comments voted on,
 * each as it is when published.
 */
import { appError } from "@/server/api/errors.ts";
import { refuseIfSanctioned } from "@/server/moderation/sanctions.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { commentRankSql } from "@/server/comments/ranking.ts";
import { announceCommentScore } from "@/server/live/score-events.ts";
import { Prisma } from "@/server/db/generated/client.ts";
import { resolveOptions, type CommentHandlerOptions } from "./handler-options.ts";
import type { LockedComment } from "./lock-comment.ts";

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
  // A suspended, banned or unacknowledged-warned reader cannot vote (server/moderation/sanctions.ts).
  await refuseIfSanctioned(db, user.id, now);
  const giveBack = await rateGate("vote", user.id);
  let outcome: VoteOutcome;
  try {
    const cast = await castVote(db, user.id, input, now);
    if (!cast) throw appError("NOT_FOUND", "comments.notFound");
    checkVotable(cast, user);
    outcome = cast;
  } catch (error) {
    // Refused (or failed, in which case nothing was written either): the vote does not count.
    if (giveBack) await giveBack().catch((failure: unknown) => console.error("[comments.vote] giving back the rate limit failed:", failure));
    throw error;
  }
  if (outcome.changed) announceCommentScore(db, outcome.essayId, input.commentId);
  return { commentId: input.commentId, score: outcome.score, upvoted: input.upvoted };
}

/** What decides whether a comment can be voted on (its text is not needed, so it is not read). */
type VotableState = Pick<LockedComment, "status" | "authorId" | "replyCount">;

interface VoteOutcome extends VotableState {
  essayId: string;
  /** The score after this vote (unchanged when the vote was already in that state or refused). */
  score: number;
  changed: boolean;
}

/** The score's step and the rank's SQL for it, built once (the text is the same for every vote). */
const scoreStep = (delta: 1 | -1) => ({ delta, newRank: Prisma.raw(commentRankSql(`c.score + ${delta}`, 'c."createdAt"')) });
const scoreUp = scoreStep(1);
const scoreDown = scoreStep(-1);

/**
 * The write, as one statement: `target` locks the row (FOR UPDATE waits for, then reads, the
 * latest committed version), `vote` changes the vote row only for a votable comment, `scored`
 * moves the score by what `vote` did. Nothing changes for a refused vote; the caller reads why
 * from the locked row. Null: no such comment.
 */
async function castVote(db: Db, userId: string, input: { commentId: string; upvoted: boolean }, now: Date): Promise<VoteOutcome | null> {
  const votable = Prisma.sql`target.status = 'VISIBLE' AND target."authorId" <> ${userId}`;
  const vote = input.upvoted
    ? Prisma.sql`INSERT INTO "CommentVote" ("commentId", "userId", "createdAt")
        SELECT target.id, ${userId}, ${now} FROM target WHERE ${votable}
        ON CONFLICT ("commentId", "userId") DO NOTHING RETURNING 1`
    : Prisma.sql`DELETE FROM "CommentVote" v USING target
        WHERE v."commentId" = target.id AND v."userId" = ${userId} AND ${votable} RETURNING 1`;
  const { delta, newRank } = input.upvoted ? scoreUp : scoreDown;
  const rows = await db.$queryRaw<(Omit<VoteOutcome, "changed"> & { lockedScore: number; newScore: number | null })[]>`
    WITH target AS (
      SELECT id, "essayId", "authorId", status::text AS status, "replyCount", score, "createdAt"
      FROM "Comment" WHERE id = ${input.commentId} FOR UPDATE
    ),
    vote AS (${vote}),
    scored AS (
      UPDATE "Comment" c
      SET score = c.score + ${delta}, rank = ${newRank}
      WHERE c.id = ${input.commentId} AND EXISTS (SELECT 1 FROM vote)
      RETURNING c.score
    )
    SELECT target."essayId", target."authorId", target.status, target."replyCount",
           target.score AS "lockedScore", (SELECT score FROM scored) AS "newScore"
    FROM target`;
  const row = rows[0];
  if (!row) return null;
  const changed = row.newScore !== null;
  return {
    essayId: row.essayId,
    authorId: row.authorId,
    status: row.status,
    replyCount: row.replyCount,
    score: changed ? row.newScore! : row.lockedScore,
    changed,
  };
}

/** The refusals, read from the locked row (a missing row is the caller's NOT_FOUND). */
function checkVotable(comment: VotableState, user: SessionUser): void {
  if (comment.status !== "VISIBLE" && comment.replyCount === 0) throw appError("NOT_FOUND", "comments.notFound");
  if (comment.status !== "VISIBLE") throw appError("BAD_REQUEST", "comments.deletedComment");
  if (comment.authorId === user.id) throw appError("FORBIDDEN", "comments.ownComment");
}
