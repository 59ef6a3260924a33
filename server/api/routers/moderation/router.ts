/**
 * moderation.*: the console's procedures (docs/moderation.md, "The router"), MODERATOR and ADMIN
 * only. Wiring only: the work is in server/moderation (queue.ts, comment-decisions.ts, claims.ts,
 * log-page.ts), one module per job.
 */
import { createTRPCRouter, moderatorProcedure, type Context } from "@/server/api/trpc.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import { liveNotificationsInput } from "@/server/api/routers/live/schemas.ts";
import { claimComment, releaseClaim } from "@/server/moderation/claims.ts";
import { decideComments, type CommentDecision } from "@/server/moderation/comment-decisions.ts";
import { moderationLogPage } from "@/server/moderation/log-page.ts";
import { moderationCounts, moderationQueue } from "@/server/moderation/queue.ts";
import { moderationQueueStream } from "./queue-stream.ts";
import {
  actionOutput,
  claimInput,
  claimOutput,
  commentIdsInput,
  countsOutput,
  logInput,
  logOutput,
  queueInput,
  queueOutput,
  rejectInput,
  releaseOutput,
} from "./schemas.ts";

const decide = (ctx: Context & { user: SessionUser }, commentIds: string[], decision: CommentDecision) =>
  decideComments(ctx.db, { id: ctx.user.id, role: ctx.user.role }, commentIds, decision, { request: ctx.request });

export const moderationRouter = createTRPCRouter({
  /** One page of a queue (held, reported, recent, approved, rejected), each item with what it takes to decide it. */
  queue: moderatorProcedure
    .input(queueInput)
    .output(queueOutput)
    .query(({ ctx, input }) => moderationQueue(ctx.db, ctx.user.id, input)),

  /** Items waiting per queue, for the live counts. */
  counts: moderatorProcedure.output(countsOutput).query(({ ctx }) => moderationCounts(ctx.db)),

  /** A ping whenever a queue changed; the console refetches counts and the open queue. */
  queueEvents: moderatorProcedure
    .input(liveNotificationsInput)
    .subscription(({ ctx, input, signal }) => moderationQueueStream(ctx.db, input?.lastEventId, signal)),

  /** Held → visible (published as new), or a reported visible comment's reports dismissed. */
  approve: moderatorProcedure
    .input(commentIdsInput)
    .output(actionOutput)
    .mutation(({ ctx, input }) => decide(ctx, input.commentIds, { action: "approve" })),

  /** Held or visible → removed, with the reason its author sees and an optional note. */
  reject: moderatorProcedure
    .input(rejectInput)
    .output(actionOutput)
    .mutation(({ ctx, input }) => decide(ctx, input.commentIds, { action: "reject", reason: input.reason, note: input.note || null })),

  /** Removed → visible: undoes a rejection (or a moderator's removal). */
  restore: moderatorProcedure
    .input(commentIdsInput)
    .output(actionOutput)
    .mutation(({ ctx, input }) => decide(ctx, input.commentIds, { action: "restore" })),

  feature: moderatorProcedure
    .input(commentIdsInput)
    .output(actionOutput)
    .mutation(({ ctx, input }) => decide(ctx, input.commentIds, { action: "feature" })),

  unfeature: moderatorProcedure
    .input(commentIdsInput)
    .output(actionOutput)
    .mutation(({ ctx, input }) => decide(ctx, input.commentIds, { action: "unfeature" })),

  /** Marks an item open on this moderator's screen for 2 minutes (renew to keep it); answers whose claim holds. */
  claim: moderatorProcedure
    .input(claimInput)
    .output(claimOutput)
    .mutation(({ ctx, input }) => claimComment(ctx.db, ctx.user.id, input.commentId)),

  release: moderatorProcedure
    .input(claimInput)
    .output(releaseOutput)
    .mutation(({ ctx, input }) => releaseClaim(ctx.db, ctx.user.id, input.commentId)),

  /** The audit log, newest first, filtered; read only. */
  log: moderatorProcedure
    .input(logInput)
    .output(logOutput)
    .query(({ ctx, input }) => moderationLogPage(ctx.db, input)),
});
