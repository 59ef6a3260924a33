/**
 * The events waiting for one subscriber's stream: filled by the bus, drained by the stream's
 * generator. Waiting ends when an event arrives or the request is aborted, so a closed
 * connection never leaves a generator parked.
 *
 * The queue is bounded. A subscriber whose connection cannot take events as fast as they come (a
 * stalled phone, a client that stopped reading) would otherwise hold every event of the channel in
 * this process's memory for as long as its socket stays open. Past `capacity` waiting events the
 * queue drops them all and the stream ends with SubscriberFellBehind: the browser's EventSource
 * reconnects and resumes after the last id it received, reading what it missed from LiveEvent
 * (kept an hour), so nothing is lost.
 */
import type { LiveEventRecord } from "./event-store.ts";

/** Events one subscriber may have waiting: far more than any reader gets between two reads. */
export const maxQueuedEvents = 1_000;

/**
 * Ends a stream whose subscriber fell `maxQueuedEvents` behind. Named AbortError on purpose: tRPC
 * then closes the server-sent event stream without its final "return" event (an abort is not an
 * end), so the client reconnects with Last-Event-ID instead of treating the stream as finished
 * or failed (@trpc/server's sseStreamProducer).
 */
export class SubscriberFellBehind extends Error {
  constructor(capacity: number) {
    super(`a live subscriber fell more than ${capacity} events behind; its stream ends so that it resumes from its last id`);
    this.name = "AbortError";
  }
}

export class EventQueue {
  private items: LiveEventRecord[] = [];
  private wake: (() => void) | null = null;
  private overflowed = false;

  constructor(private readonly capacity: number = maxQueuedEvents) {}

  push(event: LiveEventRecord): void {
    if (this.overflowed) return;
    if (this.items.length >= this.capacity) {
      // The stream will end and resume from the table: what is queued is no longer needed.
      this.overflowed = true;
      this.items = [];
    } else {
      this.items.push(event);
    }
    this.wake?.();
  }

  /** Everything queued, oldest first, leaving the queue empty; throws SubscriberFellBehind once it overflowed. */
  takeAll(): LiveEventRecord[] {
    if (this.overflowed) throw new SubscriberFellBehind(this.capacity);
    const items = this.items;
    this.items = [];
    return items;
  }

  /** Resolves true when an event is queued (or the queue overflowed: takeAll says so), false when `signal` aborts first. */
  async waitForEvent(signal: AbortSignal | undefined): Promise<boolean> {
    if (this.items.length > 0 || this.overflowed) return true;
    if (signal?.aborted) return false;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.wake = null;
        signal?.removeEventListener("abort", done);
        resolve();
      };
      this.wake = done;
      signal?.addEventListener("abort", done, { once: true });
    });
    return (this.items.length > 0 || this.overflowed) && !signal?.aborted;
  }
}

/** Waits `ms`, or less when `signal` aborts. */
export function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** `promise`, or undefined as soon as `signal` aborts. */
export function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const done = () => resolve(undefined);
    signal.addEventListener("abort", done, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", done);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", done);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
