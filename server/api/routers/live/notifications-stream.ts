/** live.notifications: a ping on the signed-in reader's own channel whenever they get a notification. */
import { tracked } from "@trpc/server";
import type { Db } from "@/server/db/client.ts";
import { notificationsChannel } from "@/server/live/channels.ts";
import { liveStream } from "@/server/live/live-stream.ts";
import { getLiveBus } from "@/server/live/process-bus.ts";
import type { NotificationLiveEvent } from "./schemas.ts";

/** The reader's notification pings with their LiveEvent ids (shared by live.notifications and live.page). */
export async function* notificationEvents(db: Db, userId: string, lastEventId: string | null | undefined, signal: AbortSignal | undefined) {
  // Several notifications in a burst need one refresh of the bell.
  for await (const event of liveStream({ db, bus: getLiveBus(), channel: notificationsChannel(userId), lastEventId, signal, coalesceMs: 250 })) {
    const ping: NotificationLiveEvent = { type: "notification" };
    yield { id: event.id, event: ping };
  }
}

export async function* notificationsStream(db: Db, userId: string, lastEventId: string | null | undefined, signal: AbortSignal | undefined) {
  for await (const { id, event } of notificationEvents(db, userId, lastEventId, signal)) yield tracked(id, event);
}
