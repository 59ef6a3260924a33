/**
 * zod schemas of the live subscriptions (server-sent events). The comment events' shape is the
 * comments contract (commentEventSchema in ../comments/schemas.ts).
 */
import { z } from "zod";
import { slugSchema } from "@/server/api/routers/essay/schemas.ts";

/** A LiveEvent id (bigserial) as tRPC sends it back on reconnect. */
export const lastEventIdSchema = z.string().regex(/^\d{1,19}$/);

export const liveCommentsInput = z
  .object({
    /** The essay; the default essay when absent. */
    slug: slugSchema.optional(),
    lastEventId: lastEventIdSchema.nullish(),
  })
  .strict()
  .optional();

export const livePollInput = z.object({ pollId: z.string().min(1).max(64), lastEventId: lastEventIdSchema.nullish() }).strict();

export const liveNotificationsInput = z.object({ lastEventId: lastEventIdSchema.nullish() }).strict().optional();

/**
 * A poll's counts changed: refetch polls.results, which applies the results visibility for the
 * reader asking. The event carries no numbers on purpose.
 */
export const pollLiveEventSchema = z.object({ type: z.literal("results-changed") });
export type PollLiveEvent = z.infer<typeof pollLiveEventSchema>;

/** The reader got a notification: refresh the bell. */
export const notificationLiveEventSchema = z.object({ type: z.literal("notification") });
export type NotificationLiveEvent = z.infer<typeof notificationLiveEventSchema>;
