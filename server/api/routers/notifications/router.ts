/** The notifications procedures: the signed-in reader's own notifications (replies to their comments). */
import { createTRPCRouter, signedInProcedure } from "@/server/api/trpc.ts";
import { listNotifications } from "./list-notifications.ts";
import { markAllRead, markRead } from "./mark-read.ts";
import { unreadOf } from "./queries.ts";
import { listNotificationsInput, listNotificationsOutput, markReadInput, markReadOutput, unreadCountOutput } from "./schemas.ts";

export const notificationsRouter = createTRPCRouter({
  /** Newest first, with the replier's name, a plain-text snippet and the reply's permalink. */
  list: signedInProcedure
    .input(listNotificationsInput)
    .output(listNotificationsOutput)
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.user.id, input)),

  /** The bell's number. */
  unreadCount: signedInProcedure
    .output(unreadCountOutput)
    .query(async ({ ctx }) => ({ count: await ctx.db.notification.count({ where: unreadOf(ctx.user.id) }) })),

  markRead: signedInProcedure
    .input(markReadInput)
    .output(markReadOutput)
    .mutation(({ ctx, input }) => markRead(ctx.db, ctx.user.id, input.ids)),

  markAllRead: signedInProcedure.output(markReadOutput).mutation(({ ctx }) => markAllRead(ctx.db, ctx.user.id)),
});
