/**
 * comments.edit: the author changes their comment's text.
 *
 * Within the grace window after writing, silently (typos fixed at once are not "edits"); after
 * it, the text it replaces is kept as a public revision and the comment is marked edited, so a
 * reply can never be made to look foolish by rewriting what it answered. An unchanged text is a
 * no-op. The row is locked, so two edits in a race each keep the text the other replaced. The
 * new text passes the moderation pipeline: a held edit takes the comment out of what readers see
 * (as a deletion would, live event included) until a moderator approves it.
 */
import { appError } from "@/server/api/errors.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { prepareCommentBody } from "@/server/comments/body.ts";
import { loadAuthors } from "@/server/comments/authors.ts";
import { announceLeft, leaveReaders } from "@/server/comments/leave-readers.ts";
import { anyRow, visibleRow } from "@/server/comments/rows.ts";
import { commentViews, ownModeratedView } from "@/server/comments/views.ts";
import { moderationQueueChannel } from "@/server/live/channels.ts";
import { commentsChannel, publishLiveEventSafely } from "@/server/live/publish.ts";
import { recordPipelineDecisions, runCommentPipeline } from "@/server/moderation/pipeline.ts";
import { commentTransactionOptions, resolveOptions, type CommentHandlerOptions } from "./handler-options.ts";
import { lockComment, readCommentForWrite, type LockedComment } from "./lock-comment.ts";
import type { CommentEvent, CommentView } from "./schemas.ts";

/** Edits this soon after writing leave no trace (docs/comments.md). */
export const editGraceMs = 10 * 60_000;

export async function editComment(
  db: Db,
  user: SessionUser,
  input: { commentId: string; body: string },
  options: CommentHandlerOptions = {},
): Promise<CommentView> {
  const { now, rateGate } = resolveOptions(db, options);
  const prepared = prepareCommentBody(input.body);
  // Checked before the limit, so a refused or unchanged edit does not count; again under the lock.
  const current = await readCommentForWrite(db, input.commentId, { lock: false });
  checkEditable(current, user);
  if (current.body === prepared.body) return unchangedView(db, user, input.commentId);
  // The moderation pipeline, as for a new comment (server/moderation/phases/index.ts).
  const moderation = await runCommentPipeline(db, {
    action: "edit",
    userId: user.id,
    essayId: current.essayId,
    body: prepared.body,
    bodyHtml: prepared.bodyHtml,
    now,
    request: options.request,
    commentId: current.id,
  });
  await rateGate("edit", user.id);
  const { body, bodyHtml } = moderation.draft;

  const outcome = await db.$transaction(async (tx) => {
    const comment = await lockComment(tx, input.commentId);
    checkEditable(comment, user);
    if (comment.body === body) return { essayId: comment.essayId, changed: false, left: null };

    const silent = now.getTime() - comment.createdAt.getTime() < editGraceMs;
    if (!silent) {
      await tx.commentRevision.create({
        data: { commentId: comment.id, body: comment.body, bodyHtml: comment.bodyHtml, createdAt: now },
        select: { id: true },
      });
    }
    const held = moderation.status === "HELD" ? { status: "HELD" as const, moderationReason: moderation.reason, moderatorNote: null } : {};
    await tx.comment.update({
      where: { id: comment.id },
      data: { body, bodyHtml, updatedAt: now, ...(silent ? {} : { editedAt: now }), ...held },
      select: { id: true },
    });
    await recordPipelineDecisions(tx, comment.id, moderation, { request: options.request, now });
    // A held edit takes the comment out of what readers see until a moderator approves it.
    const left = moderation.status === "HELD" ? await leaveReaders(tx, comment) : null;
    return { essayId: comment.essayId, changed: true, left };
  }, commentTransactionOptions);

  if (outcome.left) {
    await announceLeft(db, input.commentId, outcome.left);
    await publishLiveEventSafely(db, moderationQueueChannel, { type: "queue-changed" });
    const row = await anyRow(db, input.commentId);
    if (!row) throw appError("NOT_FOUND", "comments.notFound");
    const authors = await loadAuthors(db, outcome.essayId, [user.id]);
    return ownModeratedView(row, authors.get(user.id), { id: user.id, role: user.role });
  }
  const row = await visibleRow(db, input.commentId);
  if (!row) throw appError("NOT_FOUND", "comments.notFound");
  const [view] = await commentViews(db, outcome.essayId, [row], { id: user.id, role: user.role });
  if (outcome.changed) {
    const event: CommentEvent = { type: "edited", comment: { ...view!, viewer: null } };
    await publishLiveEventSafely(db, commentsChannel(outcome.essayId), event);
    if (moderation.flagged) await publishLiveEventSafely(db, moderationQueueChannel, { type: "queue-changed" });
  }
  return view!;
}

/** An unchanged text is a no-op: the comment as it is. */
async function unchangedView(db: Db, user: SessionUser, commentId: string): Promise<CommentView> {
  const row = await visibleRow(db, commentId);
  if (!row) throw appError("NOT_FOUND", "comments.notFound");
  const [view] = await commentViews(db, row.essayId, [row], { id: user.id, role: user.role });
  return view!;
}

function checkEditable(comment: LockedComment, user: SessionUser): void {
  if (comment.authorId !== user.id) throw appError("FORBIDDEN", "comments.notAuthor");
  if (comment.status !== "VISIBLE") throw appError("BAD_REQUEST", "comments.deletedComment");
}
