/** Announcements of changes: the first at once, a burst folded (replaced or merged) into one more. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/server/db/client.ts";
import { pollChannel } from "./channels.ts";
import { CoalescedPublisher } from "./coalesced-publisher.ts";

const db = {} as Db;

describe("CoalescedPublisher", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("publishes the first change at once and the rest of the interval as one event at its end", async () => {
    const published: object[] = [];
    const publisher = new CoalescedPublisher(async (_db, _channel, payload) => published.push(payload), 250);
    const channel = pollChannel("p1");

    publisher.announce(db, channel, { n: 1 });
    expect(published).toEqual([{ n: 1 }]);
    for (let n = 2; n <= 50; n += 1) publisher.announce(db, channel, { n });
    expect(published).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(250);
    expect(published).toEqual([{ n: 1 }, { n: 50 }]);
    // The trailing event opened an interval of its own; a quiet one ends with nothing more.
    await vi.advanceTimersByTimeAsync(250);
    expect(published).toHaveLength(2);

    publisher.announce(db, channel, { n: 51 });
    expect(published).toEqual([{ n: 1 }, { n: 50 }, { n: 51 }]);
  });

  it("with a merge, folds every announcement of the interval into the one published at its end", async () => {
    const published: string[][] = [];
    const union = (pending: string[], next: string[]) => [...new Set([...pending, ...next])];
    const publisher = new CoalescedPublisher<string[]>(async (_db, _channel, ids) => published.push(ids), 250, union);
    const channel = pollChannel("p1");

    publisher.announce(db, channel, ["a"]);
    publisher.announce(db, channel, ["b"]);
    publisher.announce(db, channel, ["a"]);
    publisher.announce(db, channel, ["c"]);
    expect(published).toEqual([["a"]]);
    await vi.advanceTimersByTimeAsync(250);
    expect(published).toEqual([["a"], ["b", "a", "c"]]);

    // A flush (a server stopping) publishes what waits without waiting for the interval.
    publisher.announce(db, channel, ["d"]);
    publisher.announce(db, channel, ["e"]);
    await publisher.flush();
    expect(published).toEqual([["a"], ["b", "a", "c"], ["d", "e"]]);
  });

  it("keeps channels apart", () => {
    const published: string[] = [];
    const publisher = new CoalescedPublisher(async (_db, channel) => published.push(channel), 250);
    publisher.announce(db, pollChannel("a"), {});
    publisher.announce(db, pollChannel("b"), {});
    publisher.announce(db, pollChannel("a"), {});
    expect(published).toEqual(["poll:a", "poll:b"]);
  });
});
