/**
 * Publishing "something changed, refetch" events at most once per interval per channel, per
 * process. A poll at 1,000 ballots a second must not write 1,000 events a second: subscribers
 * refetch at most twice a second anyway. The first change publishes at once; changes during the
 * interval are folded into one more event at its end, so the last change is never left unannounced.
 */
import type { Db } from "@/server/db/client.ts";
import type { LiveChannel } from "./channels.ts";

type Publish = (db: Db, channel: LiveChannel, payload: object) => Promise<unknown>;

interface ChannelState {
  /** A change arrived while waiting: publish once more when the interval ends. */
  pending: { db: Db; payload: object } | null;
  timer: NodeJS.Timeout;
}

export class CoalescedPublisher {
  private readonly channels = new Map<LiveChannel, ChannelState>();

  constructor(
    private readonly publish: Publish,
    private readonly intervalMs: number,
  ) {}

  /** Announces a change on `channel`; returns at once (failures are logged, not thrown). */
  announce(db: Db, channel: LiveChannel, payload: object): void {
    const state = this.channels.get(channel);
    if (state) {
      state.pending = { db, payload };
      return;
    }
    this.publishNow(db, channel, payload);
  }

  private publishNow(db: Db, channel: LiveChannel, payload: object): void {
    this.publish(db, channel, payload).catch((error: unknown) => {
      if (!isClosedDatabaseError(error)) console.error(`[live] publishing on ${channel} failed:`, error);
    });
    const timer = setTimeout(() => {
      const pending = this.channels.get(channel)?.pending ?? null;
      this.channels.delete(channel);
      if (pending) this.publishNow(pending.db, channel, pending.payload);
    }, this.intervalMs);
    timer.unref();
    this.channels.set(channel, { pending: null, timer });
  }
}

/**
 * The database was closed (or, in tests, dropped) while an announcement was on its way: nobody is
 * left to tell, so it is not worth a log line.
 */
function isClosedDatabaseError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /PGlite is closed|pool after calling end|Client was closed|Connection terminated|database "[^"]+" does not exist/i.test(message);
}
