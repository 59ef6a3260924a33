/**
 * One subscriber's stream of a channel: the events after `lastEventId` from LiveEvent (a client
 * resuming), then the live ones, each exactly once and in id order.
 *
 * It subscribes to the bus before reading the table, so nothing committed in between is missed;
 * what both paths bring is dropped by id (a channel's ids arrive in order, event-store.ts).
 */
import type { Db } from "@/server/db/client.ts";
import type { LiveBus } from "./bus.ts";
import type { LiveChannel } from "./channels.ts";
import { EventQueue, pause, unlessAborted } from "./event-queue.ts";
import { readLiveEventsAfter, type LiveEventRecord } from "./event-store.ts";

export interface LiveStreamOptions {
  db: Db;
  bus: LiveBus;
  channel: LiveChannel;
  /** The id of the last event the client received (tRPC sends it on reconnect). */
  lastEventId?: string | null;
  signal?: AbortSignal;
  /**
   * At most one event per this many milliseconds: a burst yields only its newest event. For
   * channels whose events say "something changed, refetch" (polls), where one is as good as ten.
   */
  coalesceMs?: number;
}

/** A resume reads the table in pages of this many events. */
const replayPageSize = 500;

export async function* liveStream(options: LiveStreamOptions): AsyncGenerator<LiveEventRecord, void, undefined> {
  const { db, bus, channel, signal, coalesceMs } = options;
  const queue = new EventQueue();
  const unsubscribe = bus.subscribe(channel, (event) => queue.push(event));
  let last: bigint | null = options.lastEventId ? BigInt(options.lastEventId) : null;

  /** The events of `batch` not yet sent, in order; all of them, or only the newest when coalescing. */
  const unsent = (batch: LiveEventRecord[]): LiveEventRecord[] => {
    const fresh = batch.filter((event) => last === null || BigInt(event.id) > last);
    if (fresh.length > 0) last = BigInt(fresh.at(-1)!.id);
    return coalesceMs ? fresh.slice(-1) : fresh;
  };

  let sentAt = 0;
  try {
    await unlessAborted(bus.ready(), signal);
    if (last !== null) {
      // Events are kept an hour (event-store.ts), which bounds how far back a resume reads.
      for (;;) {
        if (signal?.aborted) return;
        const page = await readLiveEventsAfter(db, channel, last.toString(), replayPageSize);
        const more = page.length === replayPageSize;
        const fresh = unsent(page);
        // When coalescing, only the newest event of the last page is worth sending.
        if (coalesceMs && more) continue;
        for (const event of fresh) yield event;
        if (fresh.length > 0) sentAt = Date.now();
        if (!more) break;
      }
    }
    for (;;) {
      if (!(await queue.waitForEvent(signal))) return;
      if (coalesceMs) {
        const wait = sentAt + coalesceMs - Date.now();
        if (wait > 0) await pause(wait, signal);
        if (signal?.aborted) return;
      }
      const toSend = unsent(queue.takeAll());
      for (const event of toSend) yield event;
      if (toSend.length > 0) sentAt = Date.now();
    }
  } finally {
    unsubscribe();
  }
}
