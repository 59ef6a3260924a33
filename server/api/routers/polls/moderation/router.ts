/** polls.moderation.*: moderators create and run polls (docs/polls.md, "Moderation"). Counts only, never ballots. */
import { createTRPCRouter, moderatorProcedure } from "@/server/api/trpc.ts";
import { addPollOptions } from "./add-options.ts";
import { createPoll } from "./create-poll.ts";
import { getModeratedPoll, listModeratedPolls } from "./list-polls.ts";
import { closePoll, reopenPoll, setPollAllowChange, setPollVisibility } from "./poll-settings.ts";
import {
  addOptionsInput,
  createInput,
  listInput,
  listOutput,
  moderatedPollSchema,
  pollIdInput,
  reopenInput,
  setAllowChangeInput,
  setVisibilityInput,
  updateWordingInput,
} from "./schemas.ts";
import { updatePollWording } from "./update-wording.ts";

export const pollModerationRouter = createTRPCRouter({
  /** Every poll of an essay (the default essay without a slug), whatever its state or visibility, with counts. */
  list: moderatorProcedure
    .input(listInput)
    .output(listOutput)
    .query(({ ctx, input }) => listModeratedPolls(ctx.db, input?.slug)),

  get: moderatorProcedure
    .input(pollIdInput)
    .output(moderatedPollSchema)
    .query(({ ctx, input }) => getModeratedPoll(ctx.db, input.pollId)),

  create: moderatorProcedure
    .input(createInput)
    .output(moderatedPollSchema)
    .mutation(({ ctx, input }) => createPoll(ctx, input)),

  updateWording: moderatorProcedure
    .input(updateWordingInput)
    .output(moderatedPollSchema)
    .mutation(({ ctx, input }) => updatePollWording(ctx, input)),

  addOptions: moderatorProcedure
    .input(addOptionsInput)
    .output(moderatedPollSchema)
    .mutation(({ ctx, input }) => addPollOptions(ctx, input)),

  close: moderatorProcedure
    .input(pollIdInput)
    .output(moderatedPollSchema)
    .mutation(({ ctx, input }) => closePoll(ctx, input.pollId)),

  reopen: moderatorProcedure
    .input(reopenInput)
    .output(moderatedPollSchema)
    .mutation(({ ctx, input }) => reopenPoll(ctx, input.pollId, input.closesAt)),

  setVisibility: moderatorProcedure
    .input(setVisibilityInput)
    .output(moderatedPollSchema)
    .mutation(({ ctx, input }) => setPollVisibility(ctx, input.pollId, input.resultsVisibility)),

  setAllowChange: moderatorProcedure
    .input(setAllowChangeInput)
    .output(moderatedPollSchema)
    .mutation(({ ctx, input }) => setPollAllowChange(ctx, input.pollId, input.allowChange)),
});
