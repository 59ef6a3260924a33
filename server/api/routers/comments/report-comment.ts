/**
 * comments.report: a signed-in reader reports someone else's visible comment, once, with a reason
 * (and up to 500 characters of text, required for "other"). The report adds its weight
 * (server/moderation/flag-weight.ts) to the comment's flagScore; when the score reaches the site's
 * threshold the comment is held with reason community_flags and leaves every open page.
 *
 * Checked before the rate limit (so a refused report costs nothing): the comment, its author, a
 * sanction. Then one transaction locks the comment row, inserts the report (the unique
 * (commentId, reporterId) refuses a second one even from two tabs at once) and adds the weight
 * with one conditional UPDATE that also holds the comment when the new score reaches the
 * threshold and it is still visible: concurrent reports queue on the row lock, so exactly one of
 * them crosses the threshold, holds the comment, writes the audit entry and publishes the event.
 */
import { appError } from "@/server/api/errors.ts";
import type { RequestMeta } from "@/server/api/trpc.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { announceLeft, leaveReaders, type LeftReaders } from "@/server/comments/leave-readers.ts";
import { newCommentId } from "@/server/comments/comment-id.ts";
import { moderationQueueChannel } from "@/server/live/channels.ts";
import { publishLiveEventSafely } from "@/server/live/publish.ts";
import { appendModerationLog } from "@/server/moderation/audit-log.ts";
import { reportWeight } from "@/server/moderation/flag-weight.ts";
import { refuseIfSanctioned } from "@/server/moderation/sanctions.ts";
import { appRateLimiter } from "@/server/rate-limit/app-rate-limiter.ts";
import { commentTransactionOptions } from "./handler-options.ts";
import type { CommentReportInput } from "./schemas.ts";

/** 20 reports an hour: more than anyone reading in good faith files; a campaign is slowed. */
export const reportRateLimit = { max: 20, windowMs: 60 * 60_000 } as const;

export interface ReportOptions {
  now?: Date;
  request?: RequestMeta;
  /** Tests of everything but the limit pass false. */
  rateLimited?: boolean;
}

export async function reportComment(db: Db, user: SessionUser, input: CommentReportInput, options: ReportOptions = {}): Promise<{ commentId: string; reported: true }> {
  const now = options.now ?? new Date();
  const text = input.text?.trim() || null;
  if (input.reason === "other" && text === null) throw appError("BAD_REQUEST", "moderation.comments.reportTextRequired");

  const [target] = await db.$queryRaw<{ authorId: string; status: string; upheld: number; dismissed: number; joinedAt: Date; newAccountDays: number; already: boolean }[]>`
    SELECT c."authorId", c.status::text AS status,
      (SELECT count(*)::int FROM "Report" r WHERE r."reporterId" = u.id AND r.status = 'UPHELD') AS upheld,
      (SELECT count(*)::int FROM "Report" r WHERE r."reporterId" = u.id AND r.status = 'DISMISSED') AS dismissed,
      u."createdAt" AS "joinedAt", s."newAccountDays",
      EXISTS (SELECT 1 FROM "Report" r WHERE r."commentId" = c.id AND r."reporterId" = u.id) AS already
    FROM "Comment" c CROSS JOIN "User" u CROSS JOIN "SiteSetting" s
    WHERE c.id = ${input.commentId} AND u.id = ${user.id} AND s.id = 1`;
  if (!target || (target.status !== "VISIBLE" && target.status !== "HELD")) {
    throw appError(target ? "BAD_REQUEST" : "NOT_FOUND", target ? "moderation.comments.reportGone" : "comments.notFound");
  }
  // A held comment is invisible to others: as far as they know, it is not there.
  if (target.status === "HELD" && target.authorId !== user.id) throw appError("NOT_FOUND", "comments.notFound");
  if (target.authorId === user.id) throw appError("BAD_REQUEST", "moderation.comments.reportOwn");
  if (target.already) throw appError("BAD_REQUEST", "moderation.comments.reportTwice");
  await refuseIfSanctioned(db, user.id, now);
  if (options.rateLimited !== false) {
    const decision = await appRateLimiter(db, "comment-report", reportRateLimit).consume(user.id);
    if (!decision.allowed) throw appError("TOO_MANY_REQUESTS", "moderation.comments.reportRateLimited", { seconds: decision.retryAfterSeconds });
  }

  const weight = reportWeight({
    upheld: target.upheld,
    dismissed: target.dismissed,
    isNewAccount: now.getTime() - target.joinedAt.getTime() < target.newAccountDays * 86_400_000,
  });
  const reason = input.reason.toUpperCase() as "SPAM" | "HARASSMENT" | "HATE" | "OFF_TOPIC" | "ILLEGAL" | "OTHER";

  const outcome = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ essayId: string; parentId: string | null; replyCount: number; status: string }[]>`
      SELECT "essayId", "parentId", "replyCount", status::text AS status FROM "Comment" WHERE id = ${input.commentId} FOR UPDATE`;
    if (!locked || locked.status !== "VISIBLE") throw appError("BAD_REQUEST", "moderation.comments.reportGone");
    const inserted = await tx.$executeRaw`
      INSERT INTO "Report" (id, "commentId", "reporterId", reason, text, weight, status, "createdAt")
      VALUES (${newCommentId()}, ${input.commentId}, ${user.id}, ${reason}::"ReportReason", ${text}, ${weight}, 'OPEN', ${now})
      ON CONFLICT ("commentId", "reporterId") DO NOTHING`;
    if (inserted !== 1) throw appError("BAD_REQUEST", "moderation.comments.reportTwice");
    // The weight and, at the threshold, the hold: one conditional UPDATE on the locked row.
    const [scored] = await tx.$queryRaw<{ flagScore: number; held: boolean }[]>`
      UPDATE "Comment" c SET
        "flagScore" = c."flagScore" + ${weight},
        status = CASE WHEN c.status = 'VISIBLE' AND c."flagScore" + ${weight} >= s."flagHideThreshold" THEN 'HELD'::"CommentStatus" ELSE c.status END,
        "moderationReason" = CASE WHEN c.status = 'VISIBLE' AND c."flagScore" + ${weight} >= s."flagHideThreshold" THEN 'community_flags' ELSE c."moderationReason" END
      FROM "SiteSetting" s
      WHERE c.id = ${input.commentId} AND s.id = 1
      RETURNING c."flagScore", (c.status = 'HELD') AS held`;
    if (!scored?.held) return { left: null as LeftReaders | null, flagScore: scored?.flagScore ?? 0 };
    await appendModerationLog(tx, [
      {
        rule: "community_flags",
        action: "hold",
        targetType: "comment",
        targetId: input.commentId,
        reason: "community_flags",
        before: { status: "VISIBLE" },
        after: { status: "HELD", flagScore: scored.flagScore, spans: [], details: { flagScore: scored.flagScore } },
        request: options.request,
        at: now,
      },
    ]);
    return { left: await leaveReaders(tx, locked), flagScore: scored.flagScore };
  }, commentTransactionOptions);

  if (outcome.left) await announceLeft(db, input.commentId, outcome.left);
  await publishLiveEventSafely(db, moderationQueueChannel, { type: "queue-changed" });
  return { commentId: input.commentId, reported: true };
}

/** comments.myReports: which comments of an essay the reader has reported (the control shows "reported"). */
export async function myReportedComments(db: Db, user: SessionUser, essayId: string): Promise<{ commentIds: string[] }> {
  const rows = await db.$queryRaw<{ commentId: string }[]>`
    SELECT r."commentId" FROM "Report" r JOIN "Comment" c ON c.id = r."commentId"
    WHERE r."reporterId" = ${user.id} AND c."essayId" = ${essayId}
    ORDER BY r."createdAt" DESC LIMIT 1000`;
  return { commentIds: rows.map((row) => row.commentId) };
}
