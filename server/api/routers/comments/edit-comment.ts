/**
 * comments.edit: the author changes their comment's text.
 *
 * Within the grace window after writing, silently (typos fixed at once are not "edits"); after
 * it, the text it replaces is kept as a public revision and the comment is marked edited, so a
 * reply can never be made to look foolish by rewriting what it answered. An unchanged text is a
 * no-op. The row is locked, so two edits in a race each keep the text the other replaced.
 */
import { appError } from "@/server/api/errors.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { prepareCommentBody } from "@/server/comments/body.ts";
import { visibleRow } from "@/server/comments/rows.ts";
import { commentViews } from "@/server/comments/views.ts";
import { commentsChannel, publishLiveEventSafely } from "@/server/live/publish.ts";
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
  const { body, bodyHtml } = prepareCommentBody(input.body);
  // Checked before the limit, so a refused or unchanged edit does not count; again under the lock.
  const current = await readCommentForWrite(db, input.commentId, { lock: false });
  checkEditable(current, user);
  if (current.body !== body) await rateGate("edit", user.id);

  const outcome = await db.$transaction(async (tx) => {
    const comment = await lockComment(tx, input.commentId);
    checkEditable(comment, user);
    if (comment.body === body) return { essayId: comment.essayId, changed: false };

    const silent = now.getTime() - comment.createdAt.getTime() < editGraceMs;
    if (!silent) {
      await tx.commentRevision.create({
        data: { commentId: comment.id, body: comment.body, bodyHtml: comment.bodyHtml, createdAt: now },
        select: { id: true },
      });
    }
    await tx.comment.update({
      where: { id: comment.id },
      data: { body, bodyHtml, updatedAt: now, ...(silent ? {} : { editedAt: now }) },
      select: { id: true },
    });
    return { essayId: comment.essayId, changed: true };
  }, commentTransactionOptions);

  const row = await visibleRow(db, input.commentId);
  if (!row) throw appError("NOT_FOUND", "comments.notFound");
  const [view] = await commentViews(db, outcome.essayId, [row], { id: user.id, role: user.role });
  if (outcome.changed) {
    const event: CommentEvent = { type: "edited", comment: { ...view!, viewer: null } };
    await publishLiveEventSafely(db, commentsChannel(outcome.essayId), event);
  }
  return view!;
}

function checkEditable(comment: LockedComment, user: SessionUser): void {
  if (comment.authorId !== user.id) throw appError("FORBIDDEN", "comments.notAuthor");
  if (comment.status !== "VISIBLE") throw appError("BAD_REQUEST", "comments.deletedComment");
}
