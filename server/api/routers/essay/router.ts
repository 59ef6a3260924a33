import { appError } from "@/server/api/errors.ts";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc.ts";
import { getEssayView, listEssays } from "@/server/essay/queries.ts";
import { essayGetInput, essayListOutput, essayViewOutput } from "./schemas.ts";

export const essayRouter = createTRPCRouter({
  /** One essay by slug; without a slug, the default essay (the one at "/"). */
  get: publicProcedure
    .input(essayGetInput)
    .output(essayViewOutput)
    .query(async ({ ctx, input }) => {
      const essay = await getEssayView(ctx.db, input?.slug);
      if (!essay) throw appError("NOT_FOUND", "essayNotFound");
      return essay;
    }),

  /** Slug, title and date of every essay, for an index. */
  list: publicProcedure.output(essayListOutput).query(({ ctx }) => listEssays(ctx.db)),
});
