/**
 * moderation.queueEvents: a ping whenever a queue changed (a comment held or flagged, a report,
 * a decision, a claim), so the console refetches its counts and open queue. Several in a burst
 * are one ping. The event carries nothing a moderator could not already read.
 */
import { tracked } from "@trpc/server";
import type { Db } from "@/server/db/client.ts";
import { moderationQueueChannel } from "@/server/live/channels.ts";
import { liveStream } from "@/server/live/live-stream.ts";
import { getLiveBus } from "@/server/live/process-bus.ts";

export async function* moderationQueueStream(db: Db, lastEventId: string | null | undefined, signal: AbortSignal | undefined) {
  for await (const event of liveStream({ db, bus: getLiveBus(), channel: moderationQueueChannel, lastEventId, signal, coalesceMs: 250 })) {
    yield tracked(event.id, { type: "queue-changed" as const });
  }
}
