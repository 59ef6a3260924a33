/**
 * moderation.*: the console's procedures (docs/moderation.md, "The router"), MODERATOR and ADMIN
 * only. Wiring only: the work is in server/moderation (queue.ts, comment-decisions.ts, claims.ts,
 * log-page.ts), one module per job.
 */
import { adminProcedure, createTRPCRouter, moderatorProcedure, type Context } from "@/server/api/trpc.ts";
import { z } from "zod";
import type { SessionUser } from "@/server/auth/session-user.ts";
import { liveNotificationsInput } from "@/server/api/routers/live/schemas.ts";
import { claimComment, releaseClaim } from "@/server/moderation/claims.ts";
import { decideComments, type CommentDecision } from "@/server/moderation/comment-decisions.ts";
import { moderationLogPage } from "@/server/moderation/log-page.ts";
import { addModeratorNote, liftSanction, personRecord, sanctionUser } from "@/server/moderation/people.ts";
import { moderationCounts, moderationQueue } from "@/server/moderation/queue.ts";
import { essaySettings, siteSettings, updateEssaySettings, updateSiteSettings } from "@/server/moderation/settings.ts";
import { moderationQueueStream } from "./queue-stream.ts";
import {
  actionOutput,
  addNoteInput,
  essaySettingsInput,
  essaySettingsOutput,
  liftSanctionInput,
  personOutput,
  sanctionInput,
  sanctionViewSchema,
  siteSettingsInput,
  siteSettingsSchema,
  userIdInput,
  claimInput,
  essaySlugInput,
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

  /** A reader's record for the People view: counts, sanctions (with private notes), moderator notes. */
  person: moderatorProcedure
    .input(userIdInput)
    .output(personOutput)
    .query(({ ctx, input }) => personRecord(ctx.db, input.userId)),

  /** Warn, suspend for a duration, or ban (optionally rejecting their comments); a ban ends their sessions at once. */
  sanction: moderatorProcedure
    .input(sanctionInput)
    .output(sanctionViewSchema)
    .mutation(({ ctx, input }) => sanctionUser(ctx.db, { id: ctx.user.id, role: ctx.user.role }, input, { request: ctx.request })),

  liftSanction: moderatorProcedure
    .input(liftSanctionInput)
    .output(sanctionViewSchema)
    .mutation(({ ctx, input }) => liftSanction(ctx.db, { id: ctx.user.id, role: ctx.user.role }, input.sanctionId, { request: ctx.request })),

  /** A private note about a reader, for moderators only. */
  addNote: moderatorProcedure
    .input(addNoteInput)
    .output(z.object({ id: z.string(), createdAt: z.date() }))
    .mutation(({ ctx, input }) => addModeratorNote(ctx.db, { id: ctx.user.id, role: ctx.user.role }, input.userId, input.body, ctx.request)),

  /** The essay's comment settings (the default essay without a slug). */
  essaySettings: moderatorProcedure
    .input(essaySlugInput)
    .output(essaySettingsOutput)
    .query(({ ctx, input }) => essaySettings(ctx.db, input?.slug)),

  /** Lock (with a message) or unlock, slow mode, pre-moderate everything, close at a time; absent fields stay. */
  updateEssaySettings: moderatorProcedure
    .input(essaySettingsInput)
    .output(essaySettingsOutput)
    .mutation(({ ctx, input }) => updateEssaySettings(ctx.db, ctx.user.id, input, { request: ctx.request })),

  siteSettings: moderatorProcedure.output(siteSettingsSchema).query(({ ctx }) => siteSettings(ctx.db)),

  /** Admins only: pre-moderation's N, the flag threshold, what a new account is and may link. */
  updateSiteSettings: adminProcedure
    .input(siteSettingsInput)
    .output(siteSettingsSchema)
    .mutation(({ ctx, input }) => updateSiteSettings(ctx.db, ctx.user.id, input, ctx.request)),
});
