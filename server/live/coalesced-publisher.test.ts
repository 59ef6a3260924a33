/** Announcements of "something changed": the first at once, a burst folded into one more. */
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

  it("keeps channels apart", () => {
    const published: string[] = [];
    const publisher = new CoalescedPublisher(async (_db, channel) => published.push(channel), 250);
    publisher.announce(db, pollChannel("a"), {});
    publisher.announce(db, pollChannel("b"), {});
    publisher.announce(db, pollChannel("a"), {});
    expect(published).toEqual(["poll:a", "poll:b"]);
  });
});
