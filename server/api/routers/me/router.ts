import { createTRPCRouter, publicProcedure, signedInProcedure } from "@/server/api/trpc.ts";
import { forgetSessionsOfUser } from "@/server/auth/session-cache.ts";
import { moderateDisplayName } from "@/server/moderation/display-name.ts";
import { acknowledgeWarnings, mySanctions } from "@/server/moderation/people.ts";
import { z } from "zod";
import { exportMyData } from "@/server/account/export-data.ts";
import { deleteMyAccount } from "./delete-account.ts";
import { deleteAccountInput, meOutput, mySanctionsOutput, signOutEverywhereOutput, updateMeInput } from "./schemas.ts";
import { signOutEverywhere } from "./sign-out-everywhere.ts";

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

  /** Ends every session of the reader, this one included, on every app server. */
  signOutEverywhere: signedInProcedure.output(signOutEverywhereOutput).mutation(({ ctx }) => signOutEverywhere(ctx)),

  /** The reader's sanctions in force, for their account page: kind, reason, until when. */
  sanctions: signedInProcedure
    .output(mySanctionsOutput)
    .query(({ ctx }) => mySanctions(ctx.db, ctx.user.id)),

  /** The reader has read their warning(s): they may post again. */
  acknowledgeWarning: signedInProcedure
    .output(z.object({ acknowledged: z.number().int() }))
    .mutation(({ ctx }) => acknowledgeWarnings(ctx.db, ctx.user.id)),

  /** Everything that is the reader's own, as one JSON document (docs/data-rights.md). */
  exportData: signedInProcedure.query(({ ctx }) => exportMyData(ctx.db, ctx.user.id)),

  /** Deletes the reader's account after they typed the phrase shown to them (docs/data-rights.md). */
  deleteAccount: signedInProcedure
    .input(deleteAccountInput)
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(({ ctx, input }) => deleteMyAccount(ctx, input)),
});
