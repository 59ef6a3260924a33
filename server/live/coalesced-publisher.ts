/**
 * Publishing changes at most once per interval per channel, per process. A poll at 1,000 ballots a
 * second must not write 1,000 events a second: subscribers refetch at most twice a second anyway.
 * The first change publishes at once; changes during the interval are folded into one more
 * publication at its end, so the last change is never left unannounced.
 *
 * What "folded" means is the caller's: by default the newest announcement replaces the waiting one
 * (a "something changed, refetch" ping carries nothing to keep); with `merge`, the waiting one
 * absorbs each newer one (the score events gather every comment voted on during the interval).
 */
import type { Db } from "@/server/db/client.ts";
import type { LiveChannel } from "./channels.ts";

type Publish<A> = (db: Db, channel: LiveChannel, announcement: A) => Promise<unknown>;
/** Folds `next` into the waiting announcement and returns the result (it may update `pending` in place). */
type Merge<A> = (pending: A, next: A) => A;

interface ChannelState<A> {
  /** A change arrived while waiting: publish once more when the interval ends. */
  pending: { db: Db; announcement: A } | null;
  timer: NodeJS.Timeout;
}

export class CoalescedPublisher<A = object> {
  private readonly channels = new Map<LiveChannel, ChannelState<A>>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly publish: Publish<A>,
    private readonly intervalMs: number,
    private readonly merge: Merge<A> = (_pending, next) => next,
  ) {}

  /** Announces a change on `channel`; returns at once (failures are logged, not thrown). */
  announce(db: Db, channel: LiveChannel, announcement: A): void {
    const state = this.channels.get(channel);
    if (!state) {
      this.publishNow(db, channel, announcement);
      return;
    }
    state.pending = { db, announcement: state.pending ? this.merge(state.pending.announcement, announcement) : announcement };
  }

  /**
   * Publishes what is waiting for its interval now and resolves once every announcement made so
   * far is stored: for tests, and for a server shutting down.
   */
  async flush(): Promise<void> {
    for (const [channel, state] of this.channels) {
      clearTimeout(state.timer);
      this.channels.delete(channel);
      if (state.pending) this.publishNow(state.pending.db, channel, state.pending.announcement);
    }
    await Promise.all([...this.inFlight]);
  }

  private publishNow(db: Db, channel: LiveChannel, announcement: A): void {
    const publishing = this.publish(db, channel, announcement)
      .then(() => undefined)
      .catch((error: unknown) => {
        if (!isClosedDatabaseError(error)) console.error(`[live] publishing on ${channel} failed:`, error);
      });
    this.inFlight.add(publishing);
    void publishing.finally(() => this.inFlight.delete(publishing));
    const timer = setTimeout(() => {
      const pending = this.channels.get(channel)?.pending ?? null;
      this.channels.delete(channel);
      if (pending) this.publishNow(pending.db, channel, pending.announcement);
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
  return /PGlite is closed|pool after calling end|Client was closed|Connection terminated|terminating connection due to administrator command|database "[^"]+" does not exist/i.test(message);
}
