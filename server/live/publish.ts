/**
 * Publishing a live event: what writers call after their transaction commits. The event is
 * stored in LiveEvent (so subscribers can resume from an id) and delivered by this process's bus
 * to every subscriber on every app server (docs/live-updates.md).
 */
import type { Db } from "@/server/db/client.ts";
import { pruneLiveEvents, type LiveEventRecord } from "./event-store.ts";
import { getLiveBus } from "./process-bus.ts";

export { commentsChannel, notificationsChannel, pollChannel, type LiveChannel } from "./channels.ts";
import type { LiveChannel } from "./channels.ts";

/** Old events are pruned at most this often per process (one indexed DELETE). */
const pruneEveryMs = 5 * 60 * 1000;
let lastPrunedAt = 0;

/** Publishes `payload` (JSON) on `channel` to every subscriber on every app server. */
export async function publishLiveEvent(db: Db, channel: LiveChannel, payload: object): Promise<LiveEventRecord> {
  const event = await getLiveBus().publish(db, channel, payload);
  const now = Date.now();
  if (now - lastPrunedAt > pruneEveryMs) {
    lastPrunedAt = now;
    pruneLiveEvents(db).catch((error: unknown) => console.error("[live] pruning old events failed:", error));
  }
  return event;
}

/**
 * For writers whose change has already committed: a failed publish must not turn a saved vote or
 * comment into an error for its author. Logs and carries on; subscribers refetch on reconnect.
 */
export async function publishLiveEventSafely(db: Db, channel: LiveChannel, payload: object): Promise<void> {
  try {
    await publishLiveEvent(db, channel, payload);
  } catch (error) {
    console.error(`[live] publishing on ${channel} failed:`, error);
  }
}
