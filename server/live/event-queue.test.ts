/**
 * One subscriber's queue: events come out oldest first, waiting ends on an event or an abort, and
 * a subscriber that falls too far behind is told so (its stream ends and resumes from the table)
 * instead of holding the channel's events in memory without end.
 */
import { describe, expect, it } from "vitest";
import { pollChannel } from "./channels.ts";
import { EventQueue, maxQueuedEvents } from "./event-queue.ts";
import type { LiveEventRecord } from "./event-store.ts";

const event = (id: number): LiveEventRecord => ({ id: String(id), channel: pollChannel("p1"), payload: { n: id } });

describe("EventQueue", () => {
  it("hands out what was queued, oldest first, and wakes a waiting stream", async () => {
    const queue = new EventQueue();
    const waiting = queue.waitForEvent(undefined);
    queue.push(event(1));
    queue.push(event(2));
    expect(await waiting).toBe(true);
    expect(queue.takeAll().map((e) => e.id)).toEqual(["1", "2"]);
    expect(queue.takeAll()).toEqual([]);
  });

  it("stops waiting when the request is aborted", async () => {
    const queue = new EventQueue();
    const controller = new AbortController();
    const waiting = queue.waitForEvent(controller.signal);
    controller.abort();
    expect(await waiting).toBe(false);
  });

  it("holds at most 1,000 events; one more ends the stream with an abort, not a failure", async () => {
    expect(maxQueuedEvents).toBe(1_000);
    const queue = new EventQueue();
    for (let id = 1; id <= maxQueuedEvents; id++) queue.push(event(id));
    // Exactly at capacity nothing is lost yet.
    const full = queue.takeAll();
    expect(full).toHaveLength(maxQueuedEvents);
    expect(full.at(-1)?.id).toBe(String(maxQueuedEvents));

    for (let id = 1; id <= maxQueuedEvents + 1; id++) queue.push(event(id));
    expect(await queue.waitForEvent(undefined)).toBe(true);
    let thrown: unknown;
    try {
      queue.takeAll();
    } catch (error) {
      thrown = error;
    }
    // The name is what makes tRPC close the SSE response without its "return" event, so the
    // browser's EventSource reconnects with Last-Event-ID (http-stream.test.ts shows it end to end).
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe("AbortError");
    // Later events are not kept either: the stream is over.
    queue.push(event(5_000));
    expect(() => queue.takeAll()).toThrow(/fell more than 1000 events behind/);
  });

  it("reports an overflow that happens while the stream is between reads", async () => {
    const queue = new EventQueue(2);
    queue.push(event(1));
    queue.push(event(2));
    queue.takeAll();
    const waiting = queue.waitForEvent(undefined);
    queue.push(event(3));
    expect(await waiting).toBe(true);
    queue.push(event(4));
    queue.push(event(5));
    expect(() => queue.takeAll()).toThrow();
  });
});
