/**
 * Deleting one's account (docs/data-rights.md). The User row stays, anonymised — no email, name,
 * image or language, `deletedAt` set — because comments, the moderation log and notifications point
 * at it: deleting the row would cascade to the comments and tear their threads apart. Everything
 * that was the reader's goes, in one transaction:
 *
 * - ballots, through the same SQL the withdrawal uses (poll_remove_ballot), on every poll whatever
 *   its state, so results, the breakdown's cross-tab and the daily tallies drop by exactly them;
 * - upvotes, with the scores and ranks of the comments they were on;
 * - reports made, their weight taken off the comments they still weigh on (open ones only: a
 *   resolved report no longer weighs);
 * - comments: bodies and revisions erased, each marked DELETED for "account_deleted" so it shows
 *   as "[deleted user]" while it holds replies, and leaves its thread like any deletion otherwise;
 * - sessions, sign-in accounts and pending sign-in links, notifications, sanctions and the
 *   moderators' notes about the person; the email address is free for a new sign-up.
 *
 * The append-only moderation log has no foreign keys, so it never blocks this and keeps its rows;
 * one more row records the deletion (actor: the reader, now anonymous).
 */
import { appError } from "@/server/api/errors.ts";
import type { RequestMeta } from "@/server/api/trpc.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import { announceSessionsChangedSafely } from "@/server/auth/session-changes.ts";
import type { Db } from "@/server/db/client.ts";
import { Prisma } from "@/server/db/generated/client.ts";
import { commentRankSql } from "@/server/comments/ranking.ts";
import { accountDeletedReason } from "@/server/comments/views.ts";
import { announceLeft, leaveReaders, type LeftReaders } from "@/server/comments/leave-readers.ts";
import { markCommentCountsStale } from "@/server/comments/counts.ts";
import { announcePollResultsChanged } from "@/server/live/poll-results-changed.ts";
import { announceCommentScore } from "@/server/live/score-events.ts";
import { appendModerationLog } from "@/server/moderation/audit-log.ts";
import { utcTimestamp, withRetry } from "@/server/polls/ballot-sql.ts";
import { commentTransactionOptions } from "@/server/api/routers/comments/handler-options.ts";


interface AuthoredComment {
  id: string;
  essayId: string;
  parentId: string | null;
  status: "VISIBLE" | "DELETED" | "REMOVED" | "HELD";
  replyCount: number;
}

interface DeletionEffects {
  pollIds: string[];
  rescored: Array<{ id: string; essayId: string }>;
  left: Array<{ commentId: string; result: LeftReaders }>;
  essayIds: string[];
}

export async function deleteAccount(db: Db, user: SessionUser, { request, now = new Date() }: { request: RequestMeta; now?: Date }): Promise<void> {
  // A whole transaction aborted by a deadlock with another writer stored nothing: run it again.
  const effects = await withRetry(() => db.$transaction((tx) => eraseAccount(tx, user, request, now), { ...commentTransactionOptions, timeout: 60_000 }));
  await announceSessionsChangedSafely(db, user.id);
  for (const pollId of effects.pollIds) announcePollResultsChanged(db, pollId);
  for (const comment of effects.rescored) announceCommentScore(db, comment.essayId, comment.id);
  for (const essayId of effects.essayIds) markCommentCountsStale(db, essayId);
  for (const { commentId, result } of effects.left) await announceLeft(db, commentId, result, { accountDeleted: true });
}

async function eraseAccount(tx: Prisma.TransactionClient, user: SessionUser, request: RequestMeta, now: Date): Promise<DeletionEffects> {
  const [me] = await tx.$queryRaw<{ role: string; deletedAt: Date | null }[]>`
    SELECT role::text AS role, "deletedAt" FROM "User" WHERE id = ${user.id} FOR UPDATE`;
  if (!me || me.deletedAt) throw appError("NOT_FOUND", "account.alreadyDeleted");
  if (me.role === "ADMIN") {
    // Locked too, so two last admins deleting themselves at once cannot both pass.
    const others = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "User" WHERE role = 'ADMIN' AND "deletedAt" IS NULL AND id <> ${user.id} FOR UPDATE`;
    if (others.length === 0) throw appError("BAD_REQUEST", "account.lastAdmin");
  }

  const [erased] = await tx.$queryRaw<{ polls: string[] }[]>`
    SELECT "poll_erase_ballots_of_user"(${user.id}, ${utcTimestamp(now)}::timestamp(3)) AS polls`;

  // The comments whose score or flag score changes, locked in id order before they change.
  await tx.$queryRaw`
    SELECT id FROM "Comment" WHERE id IN (
      SELECT "commentId" FROM "CommentVote" WHERE "userId" = ${user.id}
      UNION SELECT "commentId" FROM "Report" WHERE "reporterId" = ${user.id} AND status = 'OPEN'
    ) ORDER BY id FOR UPDATE`;
  const rescored = await tx.$queryRaw<{ id: string; essayId: string }[]>`
    WITH removed AS (DELETE FROM "CommentVote" WHERE "userId" = ${user.id} RETURNING "commentId"),
    lost AS (SELECT "commentId", count(*)::int AS n FROM removed GROUP BY "commentId")
    UPDATE "Comment" c SET score = c.score - lost.n, rank = ${Prisma.raw(commentRankSql("c.score - lost.n", 'c."createdAt"'))}
    FROM lost WHERE c.id = lost."commentId"
    RETURNING c.id, c."essayId"`;
  await tx.$executeRaw`
    WITH removed AS (DELETE FROM "Report" WHERE "reporterId" = ${user.id} RETURNING "commentId", weight, status),
    open AS (SELECT "commentId", sum(weight) AS w FROM removed WHERE status = 'OPEN' GROUP BY "commentId")
    UPDATE "Comment" c SET "flagScore" = greatest(0, c."flagScore" - open.w) FROM open WHERE c.id = open."commentId"`;

  const left = await eraseComments(tx, user.id, now);

  await tx.commentRevision.deleteMany({ where: { comment: { authorId: user.id } } });
  await tx.notification.deleteMany({ where: { recipientId: user.id } });
  await tx.session.deleteMany({ where: { userId: user.id } });
  await tx.account.deleteMany({ where: { userId: user.id } });
  if (user.email) await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
  await tx.sanction.deleteMany({ where: { userId: user.id } });
  await tx.moderatorNote.deleteMany({ where: { userId: user.id } });
  await tx.reviewClaim.deleteMany({ where: { moderatorId: user.id } });
  await tx.user.update({
    where: { id: user.id },
    data: { email: null, emailVerified: null, name: null, image: null, locale: null, role: "USER", showPollBadge: false, deletedAt: now },
  });
  await appendModerationLog(tx, [{ actorId: user.id, action: "account_deleted", targetType: "user", targetId: user.id, request, at: now }]);

  const essayIds = [...new Set([...left.map((l) => l.result.essayId), ...rescored.map((c) => c.essayId)])];
  return { pollIds: erased?.polls ?? [], rescored, left, essayIds };
}

/**
 * Bodies erased; the visible ones leave their threads as a deletion does (tombstone or gone),
 * deepest first so that a reply of the reader's own is settled before its parent, child before
 * parent as every writer locks.
 */
async function eraseComments(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<Array<{ commentId: string; result: LeftReaders }>> {
  const ids = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Comment" WHERE "authorId" = ${userId} ORDER BY depth DESC, id`;
  const left: Array<{ commentId: string; result: LeftReaders }> = [];
  for (const { id } of ids) {
    const [comment] = await tx.$queryRaw<AuthoredComment[]>`
      SELECT id, "essayId", "parentId", status::text AS status, "replyCount" FROM "Comment" WHERE id = ${id} FOR UPDATE`;
    if (!comment) continue;
    // A removed comment stays "[removed]"; everything else becomes the deleted account's tombstone.
    const status = comment.status === "REMOVED" ? "REMOVED" : "DELETED";
    await tx.comment.update({
      where: { id },
      data: {
        status,
        body: "",
        bodyHtml: "",
        deletedAt: now,
        updatedAt: now,
        ...(status === "DELETED" ? { moderationReason: accountDeletedReason, moderatorNote: null } : {}),
      },
      select: { id: true },
    });
    // Held comments were never counted on their parent; deleted and removed ones have left already.
    if (comment.status === "VISIBLE") left.push({ commentId: id, result: await leaveReaders(tx, comment) });
  }
  return left;
}
