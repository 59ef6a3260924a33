import { createTRPCRouter, publicProcedure, signedInProcedure } from "@/server/api/trpc.ts";
import { forgetSessionsOfUser } from "@/server/auth/session-cache.ts";
import { moderateDisplayName } from "@/server/moderation/display-name.ts";
import { meOutput, updateMeInput } from "./schemas.ts";

const meSelect = { id: true, name: true, email: true, role: true, locale: true, showPollBadge: true } as const;

export const meRouter = createTRPCRouter({
  /** The signed-in reader with their settings, or null when signed out. */
  get: publicProcedure
    .output(meOutput)
    .query(({ ctx }) => (ctx.user ? ctx.db.user.findUnique({ where: { id: ctx.user.id }, select: meSelect }) : null)),

  update: signedInProcedure
    .input(updateMeInput)
    .output(meOutput)
    .mutation(async ({ ctx, input }) => {
      // Watched words apply to display names too (server/moderation/display-name.ts).
      const name = input.name === undefined ? undefined : await moderateDisplayName(ctx.db, ctx.user.id, input.name, ctx.request);
      const updated = await ctx.db.user.update({
        where: { id: ctx.user.id },
        data: { name, locale: input.locale, showPollBadge: input.showPollBadge },
        select: meSelect,
      });
      // The session's copy carries the name and language: the reader's next request sees the new ones.
      forgetSessionsOfUser(ctx.db, ctx.user.id);
      return updated;
    }),
});
