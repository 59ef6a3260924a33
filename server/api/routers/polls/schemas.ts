/** zod input and output schemas of the poll procedures. */
import { z } from "zod";
import { slugSchema } from "@/server/api/routers/essay/schemas.ts";
import { pollOptionLimits } from "@/server/polls/rules.ts";

const idSchema = z.string().min(1).max(64);

export const listForEssayInput = z.object({ slug: slugSchema }).strict().optional();
export const pollIdInput = z.object({ pollId: idSchema }).strict();

export const voteInput = z
  .object({
    pollId: idSchema,
    // The poll's own maximum is checked against the stored poll (polls.tooManyChoices); this cap
    // only bounds the request.
    optionIds: z.array(idSchema).min(1, { message: "polls.noChoice" }).max(pollOptionLimits.max * 2),
  })
  .strict()
  .refine((input) => new Set(input.optionIds).size === input.optionIds.length, {
    message: "polls.duplicateChoice",
    path: ["optionIds"],
  });
export type VoteInput = z.infer<typeof voteInput>;

export const breakdownInput = z.object({ pollId: idSchema, byPollId: idSchema }).strict();

const textSchema = z.object({ zh: z.string(), en: z.string() });

export const pollViewSchema = z.object({
  id: z.string(),
  key: z.string(),
  question: textSchema,
  kind: z.enum(["SINGLE", "MULTIPLE"]),
  maxChoices: z.number().int(),
  opensAt: z.date(),
  closesAt: z.date().nullable(),
  state: z.enum(["upcoming", "open", "closed"]),
  resultsVisibility: z.enum(["ALWAYS", "AFTER_VOTING", "AFTER_CLOSING", "MODERATORS"]),
  allowChange: z.boolean(),
  placements: z.array(z.string()),
  options: z.array(z.object({ id: z.string(), key: z.string(), label: textSchema })),
});
export type PollViewOutput = z.infer<typeof pollViewSchema>;

export const listForEssayOutput = z.array(pollViewSchema);

/** The reader's own choice: option ids, or null without a ballot (or signed out). */
const myChoiceSchema = z.array(z.string()).nullable();

export const pollGetOutput = pollViewSchema.extend({ myChoice: myChoiceSchema, canSeeResults: z.boolean() });

export const resultsOutput = z.discriminatedUnion("visible", [
  z.object({
    pollId: z.string(),
    visible: z.literal(true),
    voterCount: z.number().int(),
    /** share: votes / voters (0 with no voters); in a multiple-choice poll shares add up to more than 1. */
    options: z.array(z.object({ id: z.string(), votes: z.number().int(), share: z.number() })),
    myChoice: myChoiceSchema,
  }),
  z.object({
    pollId: z.string(),
    visible: z.literal(false),
    reason: z.enum(["afterVoting", "afterClosing", "moderators"]),
    myChoice: myChoiceSchema,
  }),
]);
export type ResultsOutput = z.infer<typeof resultsOutput>;

export const withdrawOutput = z.object({ withdrawn: z.boolean(), results: resultsOutput });
export const voteOutput = z.object({ changed: z.boolean(), results: resultsOutput });

const breakdownCellSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("count"), value: z.number().int() }),
  z.object({ kind: z.literal("fewerThan"), threshold: z.number().int() }),
  z.object({ kind: z.literal("hidden") }),
]);

export const breakdownOutput = z.discriminatedUnion("visible", [
  z.object({
    visible: z.literal(true),
    pollId: z.string(),
    byPollId: z.string(),
    /** Option ids of the poll (rows) and of the poll it is broken down by (columns), in order. */
    rows: z.array(z.string()),
    columns: z.array(z.string()),
    /** cells[row][column]: readers who chose both; small groups suppressed (server/polls/suppression.ts). */
    cells: z.array(z.array(breakdownCellSchema)),
    rowTotals: z.array(z.number().int().nullable()),
    columnTotals: z.array(z.number().int().nullable()),
    total: z.number().int().nullable(),
  }),
  z.object({
    visible: z.literal(false),
    pollId: z.string(),
    byPollId: z.string(),
    reason: z.enum(["afterVoting", "afterClosing", "moderators"]),
  }),
]);
export type BreakdownOutput = z.infer<typeof breakdownOutput>;
