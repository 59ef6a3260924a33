/**
 * comments.create: a top-level comment, a comment about one paragraph, or a reply.
 *
 * The body and the place (essay, paragraph, parent) are checked before the rate limit, so a
 * refused comment does not count against its author. Then one transaction: the parent is locked
 * (FOR UPDATE) and checked again, the reply inserted and the parent's replyCount incremented — a
 * concurrent delete of the parent either happens before (and the reply is refused) or after (and
 * sees this reply) — and the parent's author notified. After commit, the live event. (The limiter
 * is consulted outside the transaction: the shared one opens its own, and holding a pooled
 * connection while waiting for another can starve the pool.)
 */
import { appError } from "@/server/api/errors.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { Prisma } from "@/server/db/generated/client.ts";
import { prepareCommentBody } from "@/server/comments/body.ts";
import { newCommentId } from "@/server/comments/comment-id.ts";
import { markCommentCountsStale } from "@/server/comments/counts.ts";
import { essayForComments, paragraphQuote } from "@/server/comments/essay.ts";
import { commentRank } from "@/server/comments/ranking.ts";
import { loadAuthors } from "@/server/comments/authors.ts";
import type { CommentRow } from "@/server/comments/rows.ts";
import { toCommentView } from "@/server/comments/views.ts";
import { commentsChannel, publishLiveEventSafely } from "@/server/live/publish.ts";
import { announceReply, notifyReply } from "@/server/notifications/notify-reply.ts";
import { commentTransactionOptions, resolveOptions, type CommentHandlerOptions } from "./handler-options.ts";
import type { CommentCreateInput, CommentEvent, CommentView } from "./schemas.ts";

type Tx = Prisma.TransactionClient;

interface Placement {
  essayId: string;
  parentId: string | null;
  rootId: string | null;
  depth: number;
  paragraphKey: string | null;
  paragraphQuote: string | null;
  parentAuthorId: string | null;
}

export async function createComment(db: Db, user: SessionUser, input: CommentCreateInput, options: CommentHandlerOptions = {}): Promise<CommentView> {
  const { now, rateGate } = resolveOptions(db, options);
  if (input.parentId !== undefined && input.paragraphKey !== undefined) throw appError("BAD_REQUEST", "comments.paragraphOnReply");
  const { body, bodyHtml } = prepareCommentBody(input.body);
  const checked = input.parentId === undefined ? await topLevelPlacement(db, input) : await replyPlacement(db, input.parentId, input.slug, false);
  await rateGate("create", user.id);

  const id = newCommentId();
  const { row, parentAuthorId } = await db.$transaction(async (tx) => {
    // A top-level comment's place cannot change meanwhile; a parent can be deleted: lock and look again.
    const place = input.parentId === undefined ? checked : await replyPlacement(tx, input.parentId, input.slug, true);
    const row = newCommentRow(id, place, user.id, bodyHtml, now);
    await tx.comment.create({ data: { ...row, body, updatedAt: now }, select: { id: true } });
    if (place.parentId !== null && place.parentAuthorId !== null) {
      await tx.comment.update({ where: { id: place.parentId }, data: { replyCount: { increment: 1 } }, select: { id: true } });
      await notifyReply(tx, { replyId: id, replyAuthorId: user.id, parentAuthorId: place.parentAuthorId });
    }
    return { row, parentAuthorId: place.parentAuthorId };
  }, commentTransactionOptions);
  const essayId = row.essayId;
  markCommentCountsStale(db, essayId);

  // The view from what was just written (no votes, no replies yet): only the author is read.
  const authors = await loadAuthors(db, essayId, [user.id]);
  const view = toCommentView(row, authors.get(user.id), { id: user.id, role: user.role }, false);
  const event: CommentEvent = { type: "created", comment: { ...view, viewer: null } };
  await publishLiveEventSafely(db, commentsChannel(essayId), event);
  // The bell of the author replied to (a no-op for a reply to oneself; never throws).
  if (parentAuthorId !== null) await announceReply(db, { replyId: id, replyAuthorId: user.id, parentAuthorId });
  return view;
}

/** The row as inserted, which is also what the returned view is made from. */
function newCommentRow(id: string, place: Placement, authorId: string, bodyHtml: string, now: Date): CommentRow {
  return {
    id,
    essayId: place.essayId,
    authorId,
    parentId: place.parentId,
    rootId: place.rootId ?? id,
    depth: place.depth,
    paragraphKey: place.paragraphKey,
    paragraphQuote: place.paragraphQuote,
    bodyHtml,
    status: "VISIBLE",
    score: 0,
    replyCount: 0,
    rank: commentRank(0, now),
    createdAt: now,
    editedAt: null,
  };
}

async function topLevelPlacement(tx: Tx | Db, input: CommentCreateInput): Promise<Placement> {
  const essay = await essayForComments(tx, input.slug);
  const quote = input.paragraphKey === undefined ? null : await paragraphQuote(tx, essay.id, input.paragraphKey);
  return { essayId: essay.id, parentId: null, rootId: null, depth: 0, paragraphKey: input.paragraphKey ?? null, paragraphQuote: quote, parentAuthorId: null };
}

async function replyPlacement(tx: Tx | Db, parentId: string, slug: string | undefined, lock: boolean): Promise<Placement> {
  const [parent] = await tx.$queryRaw<{ id: string; essayId: string; rootId: string | null; depth: number; authorId: string; status: string }[]>`
    SELECT id, "essayId", "rootId", depth, "authorId", status::text AS status FROM "Comment" WHERE id = ${parentId}
    ${lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
  if (!parent) throw appError("NOT_FOUND", "comments.parentNotFound");
  if (parent.status !== "VISIBLE") throw appError("BAD_REQUEST", "comments.parentDeleted");
  if (slug !== undefined) {
    const essay = await essayForComments(tx, slug);
    if (essay.id !== parent.essayId) throw appError("BAD_REQUEST", "comments.parentOtherEssay");
  }
  return {
    essayId: parent.essayId,
    parentId: parent.id,
    rootId: parent.rootId ?? parent.id,
    depth: parent.depth + 1,
    paragraphKey: null,
    paragraphQuote: null,
    parentAuthorId: parent.authorId,
  };
}
