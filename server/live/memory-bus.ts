/**
 * The in-process bus, for the embedded database (PGlite): one server process owns the database,
 * so every subscriber is in this process and an EventEmitter-like fan-out is all it takes.
 */
import type { Db } from "@/server/db/client.ts";
import type { LiveBus, LiveChannelKind, LiveListener, LiveObserver } from "./bus.ts";
import type { LiveChannel } from "./channels.ts";
import { storeLiveEvent, type LiveEventRecord } from "./event-store.ts";
import { LocalFanout } from "./local-fanout.ts";

export class MemoryLiveBus implements LiveBus {
  private readonly fanout = new LocalFanout();
  /**
   * The last publish of each channel: the next one waits for it, so listeners get a channel's
   * events in id order even when two publishes' queries resolve in the other order.
   */
  private readonly tails = new Map<LiveChannel, Promise<unknown>>();

  publish(db: Db, channel: LiveChannel, payload: unknown): Promise<LiveEventRecord> {
    const previous = this.tails.get(channel) ?? Promise.resolve();
    const published = previous
      .catch(() => undefined)
      .then(() => storeLiveEvent(db, channel, payload, { notify: false }))
      .then((event) => {
        this.fanout.announce(event);
        this.fanout.deliver(event);
        return event;
      });
    this.tails.set(channel, published);
    const forget = () => {
      if (this.tails.get(channel) === published) this.tails.delete(channel);
    };
    published.then(forget, forget);
    return published;
  }

  subscribe(channel: LiveChannel, listener: LiveListener): () => void {
    return this.fanout.add(channel, listener);
  }

  observe(kind: LiveChannelKind, observer: LiveObserver): () => void {
    return this.fanout.observe(kind, observer);
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }

  async close(): Promise<void> {
    this.fanout.clear();
  }
}
