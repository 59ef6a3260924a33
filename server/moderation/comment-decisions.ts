/**
 * A moderator's decisions on comments (docs/moderation.md, "States and transitions"): approve,
 * reject, restore, feature, unfeature — each for one or many comments.
 *
 * Each comment is decided in its own short transaction that locks its row (SELECT … FOR UPDATE)
 * and acts only when the row is in a state the action applies to: two moderators acting at once
 * queue on the lock, the first decides, the second finds the new state and is told "skipped".
 * So every decision is made once and logged once. The same transaction keeps the thread's counts
 * (reply-counts.ts), resolves the comment's open reports (UPHELD on reject, DISMISSED on approve,
 * so reporters' weights learn: flag-weight.ts) and writes the audit entry with the actor, before
 * and after, and the request's address and user agent. After it commits, the live events: the
 * public ones exactly as a new comment or a removal publishes them, and the console's count.
 */
import type { RequestMeta } from "@/server/api/trpc.ts";
import type { ActionOutput, RejectionReason } from "@/server/api/routers/moderation/schemas.ts";
import type { CommentEvent } from "@/server/api/routers/comments/schemas.ts";
import { commentTransactionOptions } from "@/server/api/routers/comments/handler-options.ts";
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import type { Role } from "@/server/db/generated/enums.ts";
import { markCommentCountsStale } from "@/server/comments/counts.ts";
import { announceLeft, leaveReaders, threadParagraph, type LeftReaders } from "@/server/comments/leave-readers.ts";
import { attachToParents } from "@/server/comments/reply-counts.ts";
import { anyRow } from "@/server/comments/rows.ts";
import { commentViews } from "@/server/comments/views.ts";
import { moderationQueueChannel } from "@/server/live/channels.ts";
import { commentsChannel, publishLiveEventSafely } from "@/server/live/publish.ts";
import { announceReply } from "@/server/notifications/notify-reply.ts";
import { appendModerationLog } from "./audit-log.ts";

export type CommentDecision =
  | { action: "approve" }
  | { action: "reject"; reason: RejectionReason; note: string | null }
  | { action: "restore" }
  | { action: "feature" }
  | { action: "unfeature" };

export interface Moderator {
  id: string;
  role: Role;
}

interface Locked {
  id: string;
  essayId: string;
  parentId: string | null;
  authorId: string;
  authorRole: Role;
  status: "VISIBLE" | "DELETED" | "REMOVED" | "HELD";
  replyCount: number;
  flagScore: number;
  moderationReason: string | null;
  featuredAt: Date | null;
}

/** What must happen after the commit for one decided comment. */
type AfterCommit =
  | { kind: "shown"; commentId: string; essayId: string; wasTombstone: boolean; notify: { parentAuthorId: string; replyAuthorId: string } | null }
  | { kind: "left"; commentId: string; left: LeftReaders }
  | { kind: "changed"; commentId: string; essayId: string }
  | { kind: "none" };

/** The states each action applies to. */
function applies(decision: CommentDecision, c: Locked): boolean {
  switch (decision.action) {
    case "approve":
      // A held comment, or a visible one with open reports (approving it dismisses them).
      return c.status === "HELD" || (c.status === "VISIBLE" && c.flagScore > 0);
    case "reject":
      return c.status === "HELD" || c.status === "VISIBLE";
    case "restore":
      return c.status === "REMOVED";
    case "feature":
      return c.status === "VISIBLE" && c.featuredAt === null;
    case "unfeature":
      return c.featuredAt !== null;
  }
}

export async function decideComments(
  db: Db,
  moderator: Moderator,
  commentIds: readonly string[],
  decision: CommentDecision,
  { request, now = new Date() }: { request: RequestMeta; now?: Date },
): Promise<ActionOutput> {
  const results: ActionOutput["results"] = [];
  const after: AfterCommit[] = [];
  // One at a time, in the order given: each its own short transaction (a bulk of 100 never holds 100 row locks).
  for (const commentId of [...new Set(commentIds)]) {
    const outcome = await db.$transaction(async (tx) => decideOne(tx, moderator, commentId, decision, { request, now }), commentTransactionOptions);
    results.push({ commentId, outcome: outcome.result });
    after.push(outcome.after);
  }
  for (const step of after) await announce(db, step);
  if (results.some((r) => r.outcome === "done")) await publishLiveEventSafely(db, moderationQueueChannel, { type: "queue-changed" });
  return { results };
}

async function decideOne(
  tx: Prisma.TransactionClient,
  moderator: Moderator,
  commentId: string,
  decision: CommentDecision,
  { request, now }: { request: RequestMeta; now: Date },
): Promise<{ result: ActionOutput["results"][number]["outcome"]; after: AfterCommit }> {
  const [c] = await tx.$queryRaw<Locked[]>`
    SELECT c.id, c."essayId", c."parentId", c."authorId", u.role::text AS "authorRole", c.status::text AS status,
           c."replyCount", c."flagScore", c."moderationReason", c."featuredAt"
    FROM "Comment" c JOIN "User" u ON u.id = c."authorId"
    WHERE c.id = ${commentId} FOR UPDATE OF c`;
  if (!c) return { result: "skipped", after: { kind: "none" } };
  // Moderators cannot act on admins (docs/moderation.md); admins can act on anyone.
  if (c.authorRole === "ADMIN" && moderator.role !== "ADMIN" && c.authorId !== moderator.id) return { result: "forbidden", after: { kind: "none" } };
  if (!applies(decision, c)) return { result: "skipped", after: { kind: "none" } };

  const before = { status: c.status, reason: c.moderationReason, flagScore: c.flagScore, featured: c.featuredAt !== null };
  const decided = { moderatedAt: now, moderatedById: moderator.id, updatedAt: now };
  let afterState: Record<string, unknown>;
  let step: AfterCommit;

  switch (decision.action) {
    case "approve":
    case "restore": {
      // A held comment keeps its reason after approval (the approved queue shows why it had waited).
      await tx.comment.update({
        where: { id: c.id },
        data: { status: "VISIBLE", flagScore: 0, deletedAt: null, ...(decision.action === "restore" ? { moderationReason: null, moderatorNote: null } : {}), ...decided },
        select: { id: true },
      });
      await resolveReports(tx, c.id, "DISMISSED", now);
      if (c.status === "VISIBLE") {
        step = { kind: "changed", commentId: c.id, essayId: c.essayId };
      } else {
        // It rejoins the thread: counted again on its parent unless it already was (a tombstone holding replies).
        const wasTombstone = c.replyCount > 0;
        if (!wasTombstone) await attachToParents(tx, c.parentId);
        const parentAuthorId = c.parentId === null ? null : await parentAuthor(tx, c.parentId);
        // A reply approved for the first time tells the author it answered, as a reply published at once would have.
        const notify = decision.action === "approve" && parentAuthorId !== null && parentAuthorId !== c.authorId ? { parentAuthorId, replyAuthorId: c.authorId } : null;
        if (notify) {
          await tx.notification.create({ data: { kind: "REPLY", recipientId: notify.parentAuthorId, actorId: notify.replyAuthorId, commentId: c.id, createdAt: now }, select: { id: true } });
        }
        step = { kind: "shown", commentId: c.id, essayId: c.essayId, wasTombstone, notify };
      }
      afterState = { status: "VISIBLE", reason: decision.action === "restore" ? null : c.moderationReason, flagScore: 0 };
      break;
    }
    case "reject": {
      await tx.comment.update({
        where: { id: c.id },
        data: { status: "REMOVED", moderationReason: decision.reason, moderatorNote: decision.note, deletedAt: now, featuredAt: null, ...decided },
        select: { id: true },
      });
      await resolveReports(tx, c.id, "UPHELD", now);
      step = c.status === "VISIBLE" ? { kind: "left", commentId: c.id, left: await leaveReaders(tx, c) } : { kind: "none" };
      afterState = { status: "REMOVED", reason: decision.reason, note: decision.note };
      break;
    }
    case "feature":
    case "unfeature": {
      const featuredAt = decision.action === "feature" ? now : null;
      await tx.comment.update({ where: { id: c.id }, data: { featuredAt, ...decided }, select: { id: true } });
      step = { kind: "changed", commentId: c.id, essayId: c.essayId };
      afterState = { featured: featuredAt !== null };
      break;
    }
  }

  // Decided: nobody needs to keep it open any more.
  await tx.reviewClaim.deleteMany({ where: { commentId: c.id } });
  await appendModerationLog(tx, [
    {
      actorId: moderator.id,
      action: decision.action,
      targetType: "comment",
      targetId: c.id,
      reason: decision.action === "reject" ? decision.reason : null,
      note: decision.action === "reject" ? decision.note : null,
      before,
      after: afterState,
      request,
      at: now,
    },
  ]);
  return { result: "done", after: step };
}

async function parentAuthor(tx: Prisma.TransactionClient, parentId: string): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ authorId: string }[]>`SELECT "authorId" FROM "Comment" WHERE id = ${parentId}`;
  return row?.authorId ?? null;
}

/** Open reports of the comment are decided with it; its flag score starts over. */
function resolveReports(tx: Prisma.TransactionClient, commentId: string, status: "UPHELD" | "DISMISSED", now: Date) {
  return tx.$executeRaw`
    UPDATE "Report" SET status = ${status}::"ReportStatus", "resolvedAt" = ${now}
    WHERE "commentId" = ${commentId} AND status = 'OPEN'`;
}

/** After the commit: what open pages must hear. */
async function announce(db: Db, step: AfterCommit): Promise<void> {
  switch (step.kind) {
    case "none":
      return;
    case "left":
      await announceLeft(db, step.commentId, step.left);
      return;
    case "changed":
    case "shown": {
      markCommentCountsStale(db, step.essayId);
      const row = await anyRow(db, step.commentId);
      if (!row || row.status !== "VISIBLE") return;
      const [view] = await commentViews(db, step.essayId, [row], null);
      // A comment that was not on anyone's page arrives as new (with its thread's paragraph, for
      // the margin's count); one that was (a tombstone, or visible) changes in place.
      const event: CommentEvent =
        step.kind === "shown" && !step.wasTombstone
          ? { type: "created", comment: view!, ...(await threadParagraph(db, step.commentId)) }
          : { type: "edited", comment: view! };
      await publishLiveEventSafely(db, commentsChannel(step.essayId), event);
      if (step.kind === "shown" && step.notify) {
        await announceReply(db, { replyId: step.commentId, replyAuthorId: step.notify.replyAuthorId, parentAuthorId: step.notify.parentAuthorId });
      }
      return;
    }
  }
}

