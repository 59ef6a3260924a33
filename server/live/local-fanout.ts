/**
 * Local listeners by channel: what both buses hand events to. A Set per channel keeps subscribe,
 * unsubscribe and delivery O(1) per listener, which is what lets one process hold hundreds of
 * open streams.
 */
import type { LiveListener } from "./bus.ts";
import type { LiveChannel } from "./channels.ts";
import type { LiveEventRecord } from "./event-store.ts";

export class LocalFanout {
  private readonly listeners = new Map<LiveChannel, Set<LiveListener>>();

  /** `onFirst` / `onLast`: a channel gained its first listener / lost its last one. */
  constructor(private readonly hooks: { onFirst?(channel: LiveChannel): void; onLast?(channel: LiveChannel): void } = {}) {}

  add(channel: LiveChannel, listener: LiveListener): () => void {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      this.hooks.onFirst?.(channel);
    }
    // A wrapper, so the same function subscribed twice is two subscriptions.
    const entry: LiveListener = (event) => listener(event);
    set.add(entry);
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      set.delete(entry);
      if (set.size === 0 && this.listeners.get(channel) === set) {
        this.listeners.delete(channel);
        this.hooks.onLast?.(channel);
      }
    };
  }

  deliver(event: LiveEventRecord): void {
    const set = this.listeners.get(event.channel);
    if (!set) return;
    for (const listener of set) {
      try {
        listener(event);
      } catch (error) {
        console.error(`[live] a listener on ${event.channel} failed:`, error);
      }
    }
  }

  channels(): LiveChannel[] {
    return [...this.listeners.keys()];
  }

  has(channel: LiveChannel): boolean {
    return this.listeners.has(channel);
  }

  clear(): void {
    this.listeners.clear();
  }
}
