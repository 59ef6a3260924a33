/**
 * The live procedures: tRPC subscriptions over server-sent events (docs/live-updates.md). Each
 * event is `tracked` with its LiveEvent id (live.page: with the last id of each of its channels),
 * so a reconnecting client resumes where it stopped.
 */
import { createTRPCRouter, publicProcedure, signedInProcedure } from "@/server/api/trpc.ts";
import { commentsStream } from "./comments-stream.ts";
import { notificationsStream } from "./notifications-stream.ts";
import { pageStream } from "./page-stream.ts";
import { pollStream } from "./poll-stream.ts";
import { liveCommentsInput, liveNotificationsInput, livePageInput, livePollInput } from "./schemas.ts";

export const liveRouter = createTRPCRouter({
  /**
   * Everything one page follows on one connection, each message tagged with its channel; what the
   * pages use. The three below stay for the bench and for clients that follow a single channel.
   */
  page: publicProcedure.input(livePageInput).subscription(({ ctx, input, signal }) => pageStream(ctx.db, ctx.user, input, signal)),

  /** New, edited and deleted comments and scores of an essay (the default essay without a slug). */
  comments: publicProcedure.input(liveCommentsInput).subscription(({ ctx, input, signal }) => commentsStream(ctx.db, input, signal)),

  /** "Results changed" pings for a poll; the client refetches polls.results. */
  poll: publicProcedure.input(livePollInput).subscription(({ ctx, input, signal }) => pollStream(ctx.db, ctx.user, input, signal)),

  /** A ping when the signed-in reader gets a notification. */
  notifications: signedInProcedure
    .input(liveNotificationsInput)
    .subscription(({ ctx, input, signal }) => notificationsStream(ctx.db, ctx.user.id, input?.lastEventId, signal)),
});
