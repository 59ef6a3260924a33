import { createTRPCRouter, publicProcedure, signedInProcedure } from "@/server/api/trpc.ts";
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
    .mutation(({ ctx, input }) =>
      ctx.db.user.update({
        where: { id: ctx.user.id },
        data: { name: input.name, locale: input.locale, showPollBadge: input.showPollBadge },
        select: meSelect,
      }),
    ),
});
