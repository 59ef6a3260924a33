import { createTRPCRouter, publicProcedure, signedInProcedure } from "@/server/api/trpc.ts";
import { meOutput, updateMeInput } from "./schemas.ts";

const meSelect = { id: true, name: true, email: true, role: true, locale: true } as const;

export const meRouter = createTRPCRouter({
  /** The signed-in reader, or null when signed out. */
  get: publicProcedure.output(meOutput).query(({ ctx }) => ctx.user),

  update: signedInProcedure
    .input(updateMeInput)
    .output(meOutput)
    .mutation(({ ctx, input }) =>
      ctx.db.user.update({ where: { id: ctx.user.id }, data: { name: input.name, locale: input.locale }, select: meSelect }),
    ),
});
