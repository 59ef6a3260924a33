/**
 * Publishing "something changed, refetch" events at most once per interval per channel, per
 * process. A poll at 1,000 ballots a second must not write 1,000 events a second: subscribers
 * refetch at most twice a second anyway. The first change publishes at once; changes during the
 * interval are folded into one more event at its end, so the last change is never left unannounced.
 */
import type { Db } from "@/server/db/client.ts";
import type { LiveChannel } from "./channels.ts";

type Publish = (db: Db, channel: LiveChannel, payload: object) => Promise<unknown>;

interface KeyState {
  channel: LiveChannel;
  /** A change arrived while waiting: publish once more when the interval ends. */
  pending: { db: Db; payload: object } | null;
  timer: NodeJS.Timeout;
}

export class CoalescedPublisher {
  /** By key: the channel, or a finer key (one comment's score) for several subjects on one channel. */
  private readonly keys = new Map<string, KeyState>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly publish: Publish,
    private readonly intervalMs: number,
  ) {}

  /**
   * Announces a change on `channel`; returns at once (failures are logged, not thrown). Changes
   * with the same `key` are folded together; the default folds a whole channel.
   */
  announce(db: Db, channel: LiveChannel, payload: object, key: string = channel): void {
    const state = this.keys.get(key);
    if (state) {
      state.pending = { db, payload };
      return;
    }
    this.publishNow(db, channel, payload, key);
  }

  /**
   * Publishes what is waiting for its interval now and resolves once every announcement made so
   * far is stored: for tests, and for a server shutting down.
   */
  async flush(): Promise<void> {
    for (const [key, state] of this.keys) {
      clearTimeout(state.timer);
      this.keys.delete(key);
      if (state.pending) this.publishNow(state.pending.db, state.channel, state.pending.payload, key);
    }
    await Promise.all([...this.inFlight]);
  }

  private publishNow(db: Db, channel: LiveChannel, payload: object, key: string): void {
    const publishing = this.publish(db, channel, payload)
      .then(() => undefined)
      .catch((error: unknown) => {
        if (!isClosedDatabaseError(error)) console.error(`[live] publishing on ${channel} failed:`, error);
      });
    this.inFlight.add(publishing);
    void publishing.finally(() => this.inFlight.delete(publishing));
    const timer = setTimeout(() => {
      const pending = this.keys.get(key)?.pending ?? null;
      this.keys.delete(key);
      if (pending) this.publishNow(pending.db, channel, pending.payload, key);
    }, this.intervalMs);
    timer.unref();
    this.keys.set(key, { channel, pending: null, timer });
  }
}

/**
 * The database was closed (or, in tests, dropped) while an announcement was on its way: nobody is
 * left to tell, so it is not worth a log line.
 */
function isClosedDatabaseError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /PGlite is closed|pool after calling end|Client was closed|Connection terminated|terminating connection due to administrator command|database "[^"]+" does not exist/i.test(message);
}
