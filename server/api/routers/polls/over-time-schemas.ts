/** zod schemas of polls.overTime (server/polls/over-time.ts), shared with the over-time chart. */
import { z } from "zod";

export { pollIdInput as overTimeInput } from "./schemas.ts";

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const overTimePointSchema = z.discriminatedUnion("kind", [
  z.object({
    day: daySchema,
    kind: z.literal("shown"),
    /** Readers with a ballot at the end of the day (UTC). */
    voters: z.number().int(),
    /** votes: cumulative count; share: votes / voters (in a multiple-choice poll shares add up to more than 1). */
    options: z.array(z.object({ id: z.string(), votes: z.number().int(), share: z.number() })),
  }),
  /** Fewer than `threshold` voters by then: no numbers. */
  z.object({ day: daySchema, kind: z.literal("fewVoters") }),
  /** Fewer than `threshold` ballots changed since the previous shown day: counted in a later one. */
  z.object({ day: daySchema, kind: z.literal("merged") }),
]);
export type OverTimePointOutput = z.infer<typeof overTimePointSchema>;

export const overTimeOutput = z.discriminatedUnion("visible", [
  z.object({
    pollId: z.string(),
    visible: z.literal(true),
    /** The smallest group a shown number describes. */
    threshold: z.number().int(),
    /** Every UTC day from the poll's opening to today or its closing, in order. */
    days: z.array(overTimePointSchema),
  }),
  z.object({
    pollId: z.string(),
    visible: z.literal(false),
    reason: z.enum(["afterVoting", "afterClosing", "moderators"]),
  }),
]);
export type OverTimeOutput = z.infer<typeof overTimeOutput>;
