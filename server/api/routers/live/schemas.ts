/**
 * zod schemas of the live subscriptions (server-sent events). The comment events' shape is the
 * comments contract (commentEventSchema in ../comments/schemas.ts).
 */
import { z } from "zod";
import type { CommentEvent } from "@/server/api/routers/comments/schemas.ts";
import { slugSchema } from "@/server/api/routers/essay/schemas.ts";
import { vectorPollIdPattern } from "./event-vector.ts";

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

/** Polls one page may follow on its one connection (the essay page shows one or two). */
export const maxLivePagePolls = 12;

/**
 * live.page: every channel one page needs, on one connection (browsers give an origin only six).
 * `lastEventId` is the per-channel resume vector (event-vector.ts); tRPC fills it in on reconnect.
 */
export const livePageInput = z
  .object({
    /** The essay whose comments to follow; no comments without it. */
    slug: slugSchema.optional(),
    pollIds: z
      .array(z.string().regex(vectorPollIdPattern))
      .max(maxLivePagePolls)
      .transform((ids) => [...new Set(ids)])
      .optional(),
    /** The signed-in reader's notifications; a signed-out reader simply gets none. */
    notifications: z.boolean().optional(),
    /** 12 polls at 87 characters and the two other channels fit with room to spare. */
    lastEventId: z.string().max(1200).nullish(),
  })
  .strict();
export type LivePageInput = z.input<typeof livePageInput>;

/**
 * One message of live.page, tagged with its channel. `ready` comes first on every connection: its
 * tracked id holds a starting point for every channel, so a reconnect or a switch of channels
 * loses nothing even on a channel that has not had an event yet.
 */
export type LivePageMessage =
  | { channel: "ready" }
  | { channel: "comments"; event: CommentEvent }
  | { channel: "poll"; pollId: string; event: PollLiveEvent }
  | { channel: "notifications"; event: NotificationLiveEvent };
