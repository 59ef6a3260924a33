/** The tab's one live connection: the union of interests, when it resubscribes, and who hears what. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LivePageInput, LivePageMessage } from "@/server/api/routers/live/schemas.ts";
import { createLiveConnection, pageInputFor, type LiveTransport } from "./live-connection.ts";

/** A transport that records what it opens and lets the test play the server. */
function fakeTransport() {
  const opened: { input: LivePageInput; closed: boolean; send(vector: string, message: LivePageMessage): void }[] = [];
  const transport: LiveTransport = (input, handlers) => {
    const subscription = { input, closed: false, send: (vector: string, message: LivePageMessage) => handlers.onData(vector, message) };
    opened.push(subscription);
    return () => {
      subscription.closed = true;
    };
  };
  const open = () => opened.filter((subscription) => !subscription.closed);
  return { transport, opened, open };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("pageInputFor", () => {
  it("unites interests: one essay, sorted unique polls (at most 12), notifications if anyone asks", () => {
    expect(pageInputFor([])).toBeNull();
    expect(
      pageInputFor([
        { kind: "poll", pollId: "b" },
        { kind: "comments", slug: "essay" },
        { kind: "poll", pollId: "a" },
        { kind: "poll", pollId: "b" },
        { kind: "notifications" },
      ]),
    ).toEqual({ slug: "essay", pollIds: ["a", "b"], notifications: true });
    const many = Array.from({ length: 20 }, (_, i) => ({ kind: "poll" as const, pollId: `p${String(i).padStart(2, "0")}` }));
    expect(pageInputFor(many)?.pollIds).toHaveLength(12);
  });
});

describe("createLiveConnection", () => {
  it("opens one subscription for features that register together, and routes each event to its listeners", async () => {
    const { transport, opened } = fakeTransport();
    const connection = createLiveConnection(transport);
    const comments = vi.fn();
    const poll = vi.fn();
    const otherPoll = vi.fn();
    const bell = vi.fn();
    connection.subscribe({ kind: "comments", slug: "essay" }, comments);
    connection.subscribe({ kind: "poll", pollId: "p1" }, poll);
    connection.subscribe({ kind: "poll", pollId: "p2" }, otherPoll);
    connection.subscribe({ kind: "notifications" }, bell);
    expect(opened).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(opened.map((subscription) => subscription.input)).toEqual([{ slug: "essay", pollIds: ["p1", "p2"], notifications: true }]);

    const [live] = opened;
    live!.send("c:0;n:0;p:p1:0;p:p2:0", { channel: "ready" });
    live!.send("c:1;n:0;p:p1:0;p:p2:0", { channel: "comments", event: { type: "scores", scores: [{ commentId: "x", score: 1 }] } });
    live!.send("c:1;n:0;p:p1:2;p:p2:0", { channel: "poll", pollId: "p1", event: { type: "results-changed" } });
    live!.send("c:1;n:3;p:p1:2;p:p2:0", { channel: "notifications", event: { type: "notification" } });
    expect(comments).toHaveBeenCalledExactlyOnceWith({ type: "scores", scores: [{ commentId: "x", score: 1 }] });
    expect(poll).toHaveBeenCalledExactlyOnceWith({ type: "results-changed" });
    expect(otherPoll).not.toHaveBeenCalled();
    expect(bell).toHaveBeenCalledExactlyOnceWith({ type: "notification" });
  });

  it("resubscribes with the last vector when the union changes, and not when it stays the same", async () => {
    const { transport, opened, open } = fakeTransport();
    const connection = createLiveConnection(transport);
    const stopComments = connection.subscribe({ kind: "comments", slug: "essay" }, () => {});
    await vi.advanceTimersByTimeAsync(50);
    opened[0]!.send("c:7", { channel: "ready" });

    // A second card of the same poll, and a remount (unsubscribe + subscribe in one tick): same union.
    const stopPoll = connection.subscribe({ kind: "poll", pollId: "p1" }, () => {});
    await vi.advanceTimersByTimeAsync(50);
    expect(opened.map((subscription) => subscription.input)).toEqual([{ slug: "essay" }, { slug: "essay", pollIds: ["p1"], lastEventId: "c:7" }]);
    expect(open()).toHaveLength(1);
    const stopSecondCard = connection.subscribe({ kind: "poll", pollId: "p1" }, () => {});
    stopSecondCard();
    await vi.advanceTimersByTimeAsync(50);
    expect(opened).toHaveLength(2);

    // The replaced subscription is closed, and a late message from it is ignored.
    opened[1]!.send("c:9;p:p1:8", { channel: "poll", pollId: "p1", event: { type: "results-changed" } });
    opened[0]!.send("c:99", { channel: "comments", event: { type: "scores", scores: [{ commentId: "x", score: 1 }] } });
    stopPoll();
    await vi.advanceTimersByTimeAsync(50);
    expect(opened[2]!.input).toEqual({ slug: "essay", lastEventId: "c:9;p:p1:8" });

    // Nothing of interest: no subscription at all.
    stopComments();
    await vi.advanceTimersByTimeAsync(50);
    expect(open()).toHaveLength(0);
  });

  it("keeps one listener's failure from the others", async () => {
    const { transport, opened } = fakeTransport();
    const connection = createLiveConnection(transport);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    connection.subscribe({ kind: "comments", slug: "one" }, () => {
      throw new Error("boom");
    });
    const second = vi.fn();
    connection.subscribe({ kind: "comments", slug: "one" }, second);
    await vi.advanceTimersByTimeAsync(50);
    opened[0]!.send("c:5", { channel: "comments", event: { type: "scores", scores: [{ commentId: "x", score: 2 }] } });
    expect(second).toHaveBeenCalledOnce();
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
  });

  it("drops the comments position when the essay changes (it counts another channel)", async () => {
    const { transport, opened } = fakeTransport();
    const connection = createLiveConnection(transport);
    const stop = connection.subscribe({ kind: "comments", slug: "one" }, () => {});
    connection.subscribe({ kind: "poll", pollId: "p1" }, () => {});
    await vi.advanceTimersByTimeAsync(50);
    opened[0]!.send("c:5;p:p1:6", { channel: "ready" });
    stop();
    connection.subscribe({ kind: "comments", slug: "two" }, () => {});
    await vi.advanceTimersByTimeAsync(50);
    expect(opened[1]!.input).toEqual({ slug: "two", pollIds: ["p1"], lastEventId: "p:p1:6" });
  });
});
