/**
 * Local listeners by channel: what both buses hand events to. A Set per channel keeps subscribe,
 * unsubscribe and delivery O(1) per listener, which is what lets one process hold hundreds of
 * open streams. Observers of a channel kind (LiveBus.observe) are kept apart: they hear every
 * event of the kind, whether or not the channel has listeners here.
 */
import { channelKind, type LiveChannelKind, type LiveListener, type LiveObserver } from "./bus.ts";
import type { LiveChannel } from "./channels.ts";
import type { LiveEventRecord } from "./event-store.ts";

export class LocalFanout {
  private readonly listeners = new Map<LiveChannel, Set<LiveListener>>();
  private readonly observers = new Map<LiveChannelKind, Set<LiveObserver>>();

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

  observe(kind: LiveChannelKind, observer: LiveObserver): () => void {
    let set = this.observers.get(kind);
    if (!set) {
      set = new Set();
      this.observers.set(kind, set);
    }
    const entry: LiveObserver = (event) => observer(event);
    set.add(entry);
    return () => void set.delete(entry);
  }

  /** Tells the observers of the event's kind; call before deliver() (LiveBus.observe's promise). */
  announce(event: Pick<LiveEventRecord, "id" | "channel">): void {
    const set = this.observers.get(channelKind(event.channel));
    if (!set) return;
    for (const observer of set) {
      try {
        observer(event);
      } catch (error) {
        console.error(`[live] an observer of ${event.channel} failed:`, error);
      }
    }
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
    this.observers.clear();
  }
}
