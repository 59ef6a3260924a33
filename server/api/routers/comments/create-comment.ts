/**
 * comments.create: a top-level comment, a comment about one paragraph, or a reply.
 *
 * The body and the place (essay, paragraph, parent) are checked before the rate limit, so a
 * refused comment does not count against its author. Then one statement writes it and reads its
 * author's name and badges for the view: a top-level comment is one INSERT; a reply is one
 * statement that locks the parent (FOR UPDATE), checks it again, inserts the reply, adds one to
 * the parent's replyCount and writes the parent author's notification — a concurrent delete of the parent either happens before (and the reply is
 * refused) or after (and sees this reply), and the parent's row, which every reply in a busy
 * thread queues for, stays locked for that one statement only, never across a round trip to this
 * process. After it commits, the live events. The moderation pipeline runs after the place is
 * checked and before the limit (server/moderation/phases/index.ts): a held comment is stored HELD
 * and announced only to moderators. (The limiter is consulted outside the write: the
 * shared one opens its own transaction, and holding a pooled connection while waiting for another
 * can starve the pool.)
 */
import { appError } from "@/server/api/errors.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { prepareCommentBody } from "@/server/comments/body.ts";
import { newCommentId } from "@/server/comments/comment-id.ts";
import { markCommentCountsStale } from "@/server/comments/counts.ts";
import { essayForComments, paragraphQuote } from "@/server/comments/essay.ts";
import { commentRank } from "@/server/comments/ranking.ts";
import { authorFromRow, authorRowsSql, type AuthorRow, type CommentAuthor } from "@/server/comments/authors.ts";
import { Prisma } from "@/server/db/generated/client.ts";
import type { CommentRow } from "@/server/comments/rows.ts";
import { ownModeratedView, toCommentView } from "@/server/comments/views.ts";
import { moderationQueueChannel } from "@/server/live/channels.ts";
import { commentsChannel, publishLiveEventSafely } from "@/server/live/publish.ts";
import { recordPipelineDecisions, runCommentPipeline, type PipelineOutcome } from "@/server/moderation/pipeline.ts";
import { announceReply, replyNotificationInsert } from "@/server/notifications/notify-reply.ts";
import { resolveOptions, type CommentHandlerOptions } from "./handler-options.ts";
import type { CommentCreateInput, CommentEvent, CommentView } from "./schemas.ts";

interface Placement {
  essayId: string;
  parentId: string | null;
  rootId: string | null;
  depth: number;
  paragraphKey: string | null;
  paragraphQuote: string | null;
  parentAuthorId: string | null;
  /** The paragraph the thread is about (a reply's own paragraphKey is null): for the margin's live count. */
  threadParagraphKey: string | null;
}

export async function createComment(db: Db, user: SessionUser, input: CommentCreateInput, options: CommentHandlerOptions = {}): Promise<CommentView> {
  const { now, rateGate } = resolveOptions(db, options);
  if (input.parentId !== undefined && input.paragraphKey !== undefined) throw appError("BAD_REQUEST", "comments.paragraphOnReply");
  const prepared = prepareCommentBody(input.body);
  const checked = input.parentId === undefined ? await topLevelPlacement(db, input) : await replyPlacement(db, input.parentId, input.slug);
  // The moderation pipeline (server/moderation/phases/index.ts): may refuse, hold or censor.
  const moderation = await runCommentPipeline(db, {
    action: "create",
    userId: user.id,
    essayId: checked.essayId,
    body: prepared.body,
    bodyHtml: prepared.bodyHtml,
    now,
    request: options.request,
  });
  await rateGate("create", user.id);

  const { body, bodyHtml } = moderation.draft;
  const id = newCommentId();
  const row = newCommentRow(id, checked, user.id, bodyHtml, now, moderation);
  // The statement that writes also reads the author's name and badge, for the view.
  const author = checked.parentId === null ? await insertTopLevel(db, row, body, now) : await insertReply(db, row, body, now);
  await recordPipelineDecisions(db, id, moderation, { request: options.request, now });

  if (row.status === "HELD") {
    // Nobody but its author and moderators hears of it: no public event, no reply notification;
    // the console's counts move. Approval publishes it (server/moderation/comment-decisions.ts).
    await publishLiveEventSafely(db, moderationQueueChannel, { type: "queue-changed" });
    return ownModeratedView(row, author, { id: user.id, role: user.role });
  }
  markCommentCountsStale(db, row.essayId);
  if (moderation.flagged) await publishLiveEventSafely(db, moderationQueueChannel, { type: "queue-changed" });

  // The view from what was just written (no votes, no replies yet).
  const view = toCommentView(row, author, { id: user.id, role: user.role }, false);
  const event: CommentEvent = {
    type: "created",
    comment: { ...view, viewer: null },
    ...(checked.threadParagraphKey === null ? {} : { paragraphKey: checked.threadParagraphKey }),
  };
  const parentAuthorId = checked.parentAuthorId;
  await Promise.all([
    publishLiveEventSafely(db, commentsChannel(row.essayId), event),
    // The bell of the author replied to (a no-op for a reply to oneself; never throws).
    parentAuthorId === null ? undefined : announceReply(db, { replyId: id, replyAuthorId: user.id, parentAuthorId }),
  ]);
  return view;
}

/**
 * A top-level comment: one statement inserts it and reads its author (raw, as the reply's: no query
 * plan to build per comment). A data-modifying WITH runs whether or not the query reads it.
 */
async function insertTopLevel(db: Db, row: CommentRow, body: string, now: Date): Promise<CommentAuthor | undefined> {
  const [author] = await db.$queryRaw<AuthorRow[]>`
    WITH inserted AS (
      INSERT INTO "Comment" (id, "essayId", "authorId", "parentId", "rootId", depth, "paragraphKey", "paragraphQuote", body, "bodyHtml", score, "replyCount", rank, "createdAt", "updatedAt", status, "moderationReason")
      VALUES (${row.id}, ${row.essayId}, ${row.authorId}, NULL, ${row.rootId}, 0, ${row.paragraphKey}, ${row.paragraphQuote}, ${body}, ${row.bodyHtml}, 0, 0, ${row.rank}, ${now}, ${now}, ${row.status}::"CommentStatus", ${row.moderationReason})
    )
    ${authorRowsSql(row.essayId, Prisma.sql`u.id = ${row.authorId}`)}`;
  return author && authorFromRow(author);
}

/**
 * The reply, its parent's replyCount and the parent author's notification, in one statement
 * under the parent's row lock (see the top of this file). `parent` is the locked row as it is
 * now; nothing is written unless it is still visible. A held reply is neither counted nor
 * announced: approving it does both (server/moderation/comment-decisions.ts).
 */
async function insertReply(db: Db, row: CommentRow, body: string, now: Date): Promise<CommentAuthor | undefined> {
  const [parent] = await db.$queryRaw<({ status: string; inserted: number } & { [K in keyof AuthorRow as `author_${K}`]: AuthorRow[K] | null })[]>`
    WITH parent AS (
      SELECT id, "authorId", status::text AS status FROM "Comment" WHERE id = ${row.parentId} FOR UPDATE
    ),
    reply AS (
      INSERT INTO "Comment" (id, "essayId", "authorId", "parentId", "rootId", depth, body, "bodyHtml", score, "replyCount", rank, "createdAt", "updatedAt", status, "moderationReason")
      SELECT ${row.id}, ${row.essayId}, ${row.authorId}, parent.id, ${row.rootId}, ${row.depth}, ${body}, ${row.bodyHtml}, 0, 0, ${row.rank}, ${now}, ${now}, ${row.status}::"CommentStatus", ${row.moderationReason}
      FROM parent WHERE parent.status = 'VISIBLE'
      RETURNING id, status
    ),
    counted AS (
      UPDATE "Comment" c SET "replyCount" = c."replyCount" + 1 WHERE c.id = ${row.parentId} AND EXISTS (SELECT 1 FROM reply WHERE status = 'VISIBLE') RETURNING c.id
    ),
    notified AS (${row.status === "VISIBLE" ? replyNotificationInsert(row.authorId, now) : Prisma.sql`SELECT 1`}),
    author AS (${authorRowsSql(row.essayId, Prisma.sql`u.id = ${row.authorId}`)})
    SELECT parent.status, (SELECT count(*) FROM reply)::int AS inserted,
           author.id AS author_id, author.name AS author_name, author.role AS author_role,
           author."optionKey" AS "author_optionKey", author."labelZh" AS "author_labelZh", author."labelEn" AS "author_labelEn"
    FROM parent LEFT JOIN author ON true`;
  if (!parent) throw appError("NOT_FOUND", "comments.parentNotFound");
  if (parent.status !== "VISIBLE" || parent.inserted !== 1) throw appError("BAD_REQUEST", "comments.parentDeleted");
  if (parent.author_id === null || parent.author_role === null) return undefined;
  return authorFromRow({
    id: parent.author_id,
    name: parent.author_name,
    role: parent.author_role,
    optionKey: parent.author_optionKey,
    labelZh: parent.author_labelZh,
    labelEn: parent.author_labelEn,
  });
}

/** The row as inserted, which is also what the returned view is made from. */
function newCommentRow(id: string, place: Placement, authorId: string, bodyHtml: string, now: Date, moderation: PipelineOutcome): CommentRow {
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
    status: moderation.status,
    score: 0,
    replyCount: 0,
    rank: commentRank(0, now),
    createdAt: now,
    editedAt: null,
    moderationReason: moderation.reason,
    moderatorNote: null,
  };
}

async function topLevelPlacement(db: Db, input: CommentCreateInput): Promise<Placement> {
  const essay = await essayForComments(db, input.slug);
  const quote = input.paragraphKey === undefined ? null : await paragraphQuote(db, essay.id, input.paragraphKey);
  return { essayId: essay.id, parentId: null, rootId: null, depth: 0, paragraphKey: input.paragraphKey ?? null, paragraphQuote: quote, parentAuthorId: null, threadParagraphKey: input.paragraphKey ?? null };
}

/** Read without a lock: insertReply checks the parent again under its lock. */
async function replyPlacement(db: Db, parentId: string, slug: string | undefined): Promise<Placement> {
  // The thread's paragraph is on its root only: one primary-key lookup more in the same statement.
  const [parent] = await db.$queryRaw<{ id: string; essayId: string; rootId: string | null; depth: number; authorId: string; status: string; threadParagraphKey: string | null }[]>`
    SELECT p.id, p."essayId", p."rootId", p.depth, p."authorId", p.status::text AS status,
      (SELECT r."paragraphKey" FROM "Comment" r WHERE r.id = COALESCE(p."rootId", p.id)) AS "threadParagraphKey"
    FROM "Comment" p WHERE p.id = ${parentId}`;
  if (!parent) throw appError("NOT_FOUND", "comments.parentNotFound");
  if (parent.status !== "VISIBLE") throw appError("BAD_REQUEST", "comments.parentDeleted");
  if (slug !== undefined) {
    const essay = await essayForComments(db, slug);
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
    threadParagraphKey: parent.threadParagraphKey,
  };
}
