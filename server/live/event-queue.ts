/**
 * The events waiting for one subscriber's stream: filled by the bus, drained by the stream's
 * generator. Waiting ends when an event arrives or the request is aborted, so a closed
 * connection never leaves a generator parked.
 */
import type { LiveEventRecord } from "./event-store.ts";

export class EventQueue {
  private items: LiveEventRecord[] = [];
  private wake: (() => void) | null = null;

  push(event: LiveEventRecord): void {
    this.items.push(event);
    this.wake?.();
  }

  /** Everything queued, oldest first, leaving the queue empty. */
  takeAll(): LiveEventRecord[] {
    const items = this.items;
    this.items = [];
    return items;
  }

  /** Resolves true when an event is queued, false when `signal` aborts first. */
  async waitForEvent(signal: AbortSignal | undefined): Promise<boolean> {
    if (this.items.length > 0) return true;
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
    return this.items.length > 0 && !signal?.aborted;
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
