/**
 * Both buses against the same contract (the PostgreSQL one only when TEST_DATABASE_URL is set):
 * delivery in id order, resume from an id without loss or repeat, large events; and, on
 * PostgreSQL, two app servers on one database and a listener connection that drops.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import type { Db } from "@/server/db/client.ts";
import { createTestDatabase, type TestDatabase } from "@/server/test/database.ts";
import type { LiveBus } from "./bus.ts";
import { commentsChannel, pollChannel, type LiveChannel } from "./channels.ts";
import type { LiveEventRecord } from "./event-store.ts";
import { liveStream } from "./live-stream.ts";
import { MemoryLiveBus } from "./memory-bus.ts";
import { listenerApplicationName, PostgresLiveBus } from "./postgres-bus.ts";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database.close();
});

let channelCount = 0;
const freshChannel = (): LiveChannel => pollChannel(`bus-test-${++channelCount}-${Date.now()}`);

/** Collects what a listener receives; `next(n)` resolves once n events have arrived in all. */
function collector() {
  const events: LiveEventRecord[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  return {
    events,
    listener(event: LiveEventRecord) {
      events.push(event);
      for (const waiter of waiters.filter((w) => events.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
    until(count: number): Promise<void> {
      if (events.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };
}

/** The next `count` values of a stream. */
async function take(stream: AsyncGenerator<LiveEventRecord>, count: number): Promise<LiveEventRecord[]> {
  const taken: LiveEventRecord[] = [];
  while (taken.length < count) {
    const next = await stream.next();
    if (next.done) break;
    taken.push(next.value);
  }
  return taken;
}

const seq = (event: LiveEventRecord) => (event.payload as { seq: number }).seq;

interface BusKind {
  name: string;
  create(): LiveBus;
}

const kinds: BusKind[] = [{ name: "in-process", create: () => new MemoryLiveBus() }];
const postgresUrl = process.env.TEST_DATABASE_URL ? () => (database.target.kind === "postgres" ? database.target.url : "") : null;
if (postgresUrl) kinds.push({ name: "PostgreSQL LISTEN/NOTIFY", create: () => new PostgresLiveBus(postgresUrl(), { minBackoffMs: 50, maxBackoffMs: 200 }) });

for (const kind of kinds) {
  describe(`${kind.name} bus`, () => {
    let bus: LiveBus;
    beforeAll(async () => {
      bus = kind.create();
    });
    afterAll(async () => {
      await bus.close();
    });

    it("lets observers hear every event of their kind, before the channel's subscribers, with or without subscribers", async () => {
      const heard: string[] = [];
      const stopComments = bus.observe("comments", (event) => heard.push(`observer ${event.channel} ${event.id}`));
      const stopPolls = bus.observe("poll", (event) => heard.push(`poll observer ${event.id}`));
      const withSubscriber = commentsChannel(`bus-test-observed-${Date.now()}`);
      const withoutSubscriber = commentsChannel(`bus-test-unsubscribed-${Date.now()}`);
      const subscriber = collector();
      bus.subscribe(withSubscriber, (event) => {
        heard.push(`subscriber ${event.id}`);
        subscriber.listener(event);
      });
      await bus.ready();
      const unheard = await bus.publish(db, withoutSubscriber, { seq: 1 });
      const event = await bus.publish(db, withSubscriber, { seq: 2 });
      await subscriber.until(1);
      stopComments();
      stopPolls();
      // An event may be announced twice (PostgreSQL: once when stored, once by its NOTIFY); never after delivery.
      const firstDelivery = heard.indexOf(`subscriber ${event.id}`);
      expect(heard.slice(0, firstDelivery)).toContain(`observer ${withSubscriber} ${event.id}`);
      expect(heard).toContain(`observer ${withoutSubscriber} ${unheard.id}`);
      expect(heard.some((line) => line.startsWith("poll observer"))).toBe(false);
    });

    it("delivers a channel's events to its subscribers only, in id order", async () => {
      const channel = freshChannel();
      const other = freshChannel();
      const mine = collector();
      const theirs = collector();
      const stop = bus.subscribe(channel, mine.listener);
      bus.subscribe(other, theirs.listener);
      await bus.ready();

      // Published all at once: the channel lock makes id order commit order, and so arrival order.
      const published = await Promise.all(Array.from({ length: 30 }, (_, seq) => bus.publish(db, channel, { seq })));
      await mine.until(30);
      expect(mine.events.map((e) => e.id)).toEqual(published.map((e) => e.id).sort((a, b) => Number(BigInt(a) - BigInt(b))));
      expect(mine.events.map(seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
      expect(theirs.events).toEqual([]);

      stop();
      const after = collector();
      bus.subscribe(channel, after.listener);
      await bus.publish(db, channel, { seq: 30 });
      await after.until(1);
      expect(mine.events).toHaveLength(30);
    });

    it("resumes from an id: exactly the events after it, then the live ones", async () => {
      const channel = freshChannel();
      const published: LiveEventRecord[] = [];
      for (let seq = 1; seq <= 100; seq += 1) published.push(await bus.publish(db, channel, { seq }));

      const controller = new AbortController();
      const stream = liveStream({ db, bus, channel, lastEventId: published[49]!.id, signal: controller.signal });
      const replayed = await take(stream, 50);
      expect(replayed.map(seq)).toEqual(Array.from({ length: 50 }, (_, i) => 51 + i));

      const live = take(stream, 2);
      await bus.publish(db, channel, { seq: 101 });
      await bus.publish(db, channel, { seq: 102 });
      expect((await live).map(seq)).toEqual([101, 102]);

      controller.abort();
      expect(await stream.next()).toEqual({ done: true, value: undefined });
    });

    it("delivers an event larger than a NOTIFY payload may be", async () => {
      const channel = freshChannel();
      const received = collector();
      bus.subscribe(channel, received.listener);
      await bus.ready();
      const text = "退圈".repeat(6_000); // 36 KB of UTF-8
      await bus.publish(db, channel, { seq: 1, text });
      await bus.publish(db, channel, { seq: 2 });
      await received.until(2);
      expect(received.events.map(seq)).toEqual([1, 2]);
      expect((received.events[0]!.payload as { text: string }).text).toBe(text);
    });

    it("gives subscribers the payload's Dates back, live and on resume", async () => {
      const channel = freshChannel();
      const at = new Date("2026-11-25T08:00:00.123Z");
      const received = collector();
      bus.subscribe(channel, received.listener);
      await bus.ready();
      const first = await bus.publish(db, channel, { seq: 1 });
      await bus.publish(db, channel, { seq: 2, at });
      await received.until(2);
      expect(received.events[1]!.payload).toEqual({ seq: 2, at });

      const stream = liveStream({ db, bus, channel, lastEventId: first.id });
      const [resumed] = await take(stream, 1);
      expect(resumed!.payload).toEqual({ seq: 2, at });
      await stream.return();
    });

    it("coalesces a burst for streams that only need the newest event", async () => {
      const channel = freshChannel();
      const controller = new AbortController();
      const stream = liveStream({ db, bus, channel, signal: controller.signal, coalesceMs: 200 });
      const first = stream.next();
      await bus.ready();
      await bus.publish(db, channel, { seq: 1 });
      expect(seq((await first).value as LiveEventRecord)).toBe(1);
      const second = stream.next();
      for (let n = 2; n <= 20; n += 1) await bus.publish(db, channel, { seq: n });
      // The burst arrived within one interval: one event, the newest.
      expect(seq((await second).value as LiveEventRecord)).toBe(20);
      controller.abort();
      expect((await stream.next()).done).toBe(true);
    });
  });
}

if (postgresUrl) {
  describe("PostgreSQL bus across servers", () => {
    it("an event published through one server reaches subscribers on another", async () => {
      const serverA = new PostgresLiveBus(postgresUrl());
      const serverB = new PostgresLiveBus(postgresUrl());
      try {
        const channel = freshChannel();
        const onB = collector();
        serverB.subscribe(channel, onB.listener);
        await serverB.ready();
        const event = await serverA.publish(db, channel, { seq: 1 });
        await onB.until(1);
        expect(onB.events).toEqual([event]);
      } finally {
        await serverA.close();
        await serverB.close();
      }
    });

    it("after the listener connection drops, it reconnects and replays what it missed, once each", async () => {
      const bus = new PostgresLiveBus(postgresUrl(), { minBackoffMs: 200, maxBackoffMs: 400 });
      const admin = new pg.Client({ connectionString: postgresUrl() });
      await admin.connect();
      try {
        const channel = freshChannel();
        const received = collector();
        bus.subscribe(channel, received.listener);
        await bus.ready();
        await bus.publish(db, channel, { seq: 1 });
        await received.until(1);

        const killed = await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
          [listenerApplicationName],
        );
        expect(killed.rowCount).toBe(1);
        // Published while no connection listens (the retry waits 200 ms): only the replay can bring them.
        for (let n = 2; n <= 10; n += 1) await bus.publish(db, channel, { seq: n });
        await received.until(10);
        await bus.publish(db, channel, { seq: 11 });
        await received.until(11);
        expect(received.events.map(seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
      } finally {
        await admin.end();
        await bus.close();
      }
    });
  });
}
