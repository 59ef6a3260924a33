/** The comments procedures (docs/comments.md): wiring only, one handler file per procedure. */
import { createTRPCRouter, publicProcedure, signedInProcedure, type Context } from "@/server/api/trpc.ts";
import { paragraphCommentCounts } from "@/server/comments/counts.ts";
import { essayForComments } from "@/server/comments/essay.ts";
import { previewComment } from "@/server/comments/markdown/preview.ts";
import type { CommentReader } from "@/server/comments/views.ts";
import { commentHistory } from "./comment-history.ts";
import { commentReplies } from "./comment-replies.ts";
import { commentSource } from "./comment-source.ts";
import { commentThread } from "./comment-thread.ts";
import { createComment } from "./create-comment.ts";
import { deleteComment } from "./delete-comment.ts";
import { editComment } from "./edit-comment.ts";
import { getComment } from "./get-comment.ts";
import { listComments } from "./list-comments.ts";
import { myModeratedComments } from "./my-moderated-comments.ts";
import { myReportedComments, reportComment } from "./report-comment.ts";
import {
  commentCreateInput,
  commentDeleteOutput,
  commentEditInput,
  commentHistoryOutput,
  commentIdInput,
  commentPreviewInput,
  commentPreviewOutput,
  commentSourceOutput,
  commentsListInput,
  commentsListOutput,
  commentsRepliesInput,
  commentsRepliesOutput,
  commentThreadOutput,
  commentViewSchema,
  commentVoteInput,
  commentVoteOutput,
  commentReportInput,
  commentReportOutput,
  myCommentsInput,
  myCommentsOutput,
  myReportsOutput,
  paragraphCountsInput,
  paragraphCountsOutput,
} from "./schemas.ts";
import { voteOnComment } from "./vote-on-comment.ts";

const readerOf = (ctx: Pick<Context, "user">): CommentReader => (ctx.user ? { id: ctx.user.id, role: ctx.user.role } : null);

export const commentsRouter = createTRPCRouter({
  /** Top-level comments of an essay by cursor, each with its first three replies, and the count. */
  list: publicProcedure
    .input(commentsListInput)
    .output(commentsListOutput)
    .query(({ ctx, input }) => listComments(ctx.db, input, readerOf(ctx))),

  /** A comment's direct replies by cursor, oldest first, each with its first three replies. */
  replies: publicProcedure
    .input(commentsRepliesInput)
    .output(commentsRepliesOutput)
    .query(({ ctx, input }) => commentReplies(ctx.db, input, readerOf(ctx))),

  /** A comment in context: essay, ancestors root first, the comment, its first replies. */
  thread: publicProcedure
    .input(commentIdInput)
    .output(commentThreadOutput)
    .query(({ ctx, input }) => commentThread(ctx.db, input.commentId, readerOf(ctx))),

  get: publicProcedure
    .input(commentIdInput)
    .output(commentViewSchema)
    .query(({ ctx, input }) => getComment(ctx.db, input.commentId, readerOf(ctx))),

  /** Earlier texts of a comment edited after the grace window, oldest first. */
  history: publicProcedure
    .input(commentIdInput)
    .output(commentHistoryOutput)
    .query(({ ctx, input }) => commentHistory(ctx.db, input.commentId)),

  /** The Markdown of the reader's own comment, for the editor. */
  source: signedInProcedure
    .input(commentIdInput)
    .output(commentSourceOutput)
    .query(({ ctx, input }) => commentSource(ctx.db, ctx.user, input.commentId)),

  /** Visible comments per paragraph key of the essay (threads about the paragraph, replies included). */
  paragraphCounts: publicProcedure
    .input(paragraphCountsInput)
    .output(paragraphCountsOutput)
    .query(async ({ ctx, input }) => paragraphCommentCounts(ctx.db, (await essayForComments(ctx.db, input?.slug)).id)),

  /** The reader's own comments others do not see as written (held, removed), with why. */
  mine: signedInProcedure
    .input(myCommentsInput)
    .output(myCommentsOutput)
    .query(({ ctx, input }) => myModeratedComments(ctx.db, ctx.user, input?.slug)),

  /** Ids of the essay's comments the reader has reported, so the control can show "reported". */
  myReports: signedInProcedure
    .input(myCommentsInput)
    .output(myReportsOutput)
    .query(async ({ ctx, input }) => myReportedComments(ctx.db, ctx.user, (await essayForComments(ctx.db, input?.slug)).id)),

  /** Report someone else's comment (docs/moderation.md, "Reports and community hiding"). */
  report: signedInProcedure
    .input(commentReportInput)
    .output(commentReportOutput)
    .mutation(({ ctx, input }) => reportComment(ctx.db, ctx.user, input, { request: ctx.request })),

  create: signedInProcedure
    .input(commentCreateInput)
    .output(commentViewSchema)
    .mutation(({ ctx, input }) => createComment(ctx.db, ctx.user, input, { request: ctx.request })),

  edit: signedInProcedure
    .input(commentEditInput)
    .output(commentViewSchema)
    .mutation(({ ctx, input }) => editComment(ctx.db, ctx.user, input, { request: ctx.request })),

  delete: signedInProcedure
    .input(commentIdInput)
    .output(commentDeleteOutput)
    .mutation(({ ctx, input }) => deleteComment(ctx.db, ctx.user, input.commentId, { request: ctx.request })),

  vote: signedInProcedure
    .input(commentVoteInput)
    .output(commentVoteOutput)
    .mutation(({ ctx, input }) => voteOnComment(ctx.db, ctx.user, input)),

  /**
   * The HTML a body will render to, with the same normalization and limits as create and edit.
   * Public, so a signed-out reader can preview a draft; limited per client (markdown/preview.ts).
   */
  preview: publicProcedure
    .input(commentPreviewInput)
    .output(commentPreviewOutput)
    .mutation(({ ctx, input }) => previewComment(ctx.db, { userId: ctx.user?.id ?? null, ip: ctx.request.ip }, input.body)),
});
