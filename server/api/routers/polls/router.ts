import { appError } from "@/server/api/errors.ts";
import { createTRPCRouter, publicProcedure, signedInProcedure } from "@/server/api/trpc.ts";
import { listPollsForEssay, pollViewSelect, toPollView } from "@/server/polls/queries.ts";
import { readResultsAccess } from "@/server/polls/results-access.ts";
import { castBallot } from "./cast-ballot.ts";
import { pollModerationRouter } from "./moderation/router.ts";
import { pollBreakdown } from "./poll-breakdown.ts";
import { overTimeInput, overTimeOutput, pollOverTime } from "./over-time.ts";
import { pollResults } from "./poll-results.ts";
import {
  breakdownInput,
  breakdownOutput,
  listForEssayInput,
  listForEssayOutput,
  pollGetOutput,
  pollIdInput,
  resultsOutput,
  voteInput,
  voteOutput,
  withdrawOutput,
} from "./schemas.ts";
import { withdrawBallot } from "./withdraw-ballot.ts";

export const pollsRouter = createTRPCRouter({
  /** The polls of an essay (the default essay without a slug), in page order. */
  listForEssay: publicProcedure
    .input(listForEssayInput)
    .output(listForEssayOutput)
    .query(async ({ ctx, input }) => {
      const polls = await listPollsForEssay(ctx.db, input?.slug);
      if (!polls) throw appError("NOT_FOUND", "essayNotFound");
      return polls;
    }),

  /** One poll, with the reader's own choice when signed in. */
  get: publicProcedure
    .input(pollIdInput)
    .output(pollGetOutput)
    .query(async ({ ctx, input }) => {
      const row = await ctx.db.poll.findUnique({ where: { id: input.pollId }, select: pollViewSelect });
      if (!row) throw appError("NOT_FOUND", "polls.notFound");
      const now = new Date();
      const { myChoice, reason } = await readResultsAccess(ctx.db, row, ctx.user, now);
      return { ...toPollView(row, now), myChoice, canSeeResults: reason === null };
    }),

  results: publicProcedure
    .input(pollIdInput)
    .output(resultsOutput)
    .query(({ ctx, input }) => pollResults(ctx.db, input.pollId, ctx.user)),

  vote: signedInProcedure
    .input(voteInput)
    .output(voteOutput)
    .mutation(({ ctx, input }) => castBallot(ctx.db, ctx.user, input)),

  withdraw: signedInProcedure
    .input(pollIdInput)
    .output(withdrawOutput)
    .mutation(({ ctx, input }) => withdrawBallot(ctx.db, ctx.user, input.pollId)),

  /** The results of one poll by the answer to another, small groups suppressed (docs/polls.md). */
  breakdown: publicProcedure
    .input(breakdownInput)
    .output(breakdownOutput)
    .query(({ ctx, input }) => pollBreakdown(ctx.db, input.pollId, input.byPollId, ctx.user)),

  /** Each option's share by day since the poll opened, quiet days without numbers (docs/polls.md). */
  overTime: publicProcedure.input(overTimeInput).output(overTimeOutput).query(({ ctx, input }) => pollOverTime(ctx.db, input.pollId, ctx.user)),

  /** Moderators create and run polls (moderation/router.ts). */
  moderation: pollModerationRouter,
});
