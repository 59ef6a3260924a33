/**
 * The read cache cleared by the live bus (LiveBus.observe): an event clears the reads it changes on
 * this server before the event reaches any subscriber here, and (PostgreSQL bus) on every other
 * server on the database, whether or not that server has subscribers of the channel.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client.ts";
import type { LiveBus } from "@/server/live/bus.ts";
import { commentsChannel, pollChannel } from "@/server/live/channels.ts";
import { MemoryLiveBus } from "@/server/live/memory-bus.ts";
import { PostgresLiveBus } from "@/server/live/postgres-bus.ts";
import { createTestDatabase, type TestDatabase } from "@/server/test/database.ts";
import { clearReadsOnLiveEvents, ReadCache } from "./read-cache.ts";
import { createRequestHandler } from "./request-handler.ts";

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database.close();
});

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** An app server whose "Next" numbers its renders; returns its URL and how many renders it made. */
async function appServer(cache: ReadCache): Promise<{ base: string; renders: () => number }> {
  let renders = 0;
  const next = async (_req: IncomingMessage, res: ServerResponse) => {
    renders += 1;
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ result: { data: { json: { render: renders } } } }));
  };
  const server = createServer(createRequestHandler(next, { dev: false, trustProxy: 0, pageCache: true, readCache: cache }));
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, renders: () => renders };
}

/** Long-lived entries: only an event may clear them here (a first publish on PGlite can take a second). */
const lastingCache = () => new ReadCache({ maxAgeMs: 60_000 });

const listPath = '/api/trpc/comments.list?input={"json":{"slug":"tuiquan","sort":"newest","limit":20}}';
const resultsPath = '/api/trpc/polls.results?input={"json":{"pollId":"p1"}}';
const render = async (base: string, path: string): Promise<number> => ((await (await fetch(base + path)).json()) as any).result.data.json.render;

/** Resolves with the cache's size at the moment `channel`'s subscriber on `bus` gets its next event. */
function sizeWhenSubscriberHears(bus: LiveBus, channel: Parameters<LiveBus["subscribe"]>[0], cache: ReadCache): Promise<number> {
  return new Promise((resolve) => {
    const stop = bus.subscribe(channel, () => {
      stop();
      resolve(cache.size);
    });
  });
}

describe("reads cleared by live events (in-process bus)", () => {
  it("a comments event clears the comment reads before its subscribers hear it; poll reads stay", async () => {
    const bus = new MemoryLiveBus();
    const cache = lastingCache();
    const stop = clearReadsOnLiveEvents(cache, bus);
    try {
      const app = await appServer(cache);
      expect(await render(app.base, listPath)).toBe(1);
      expect(await render(app.base, resultsPath)).toBe(2);
      expect(await render(app.base, listPath)).toBe(1);

      const channel = commentsChannel(`essay-${Date.now()}`);
      const heard = sizeWhenSubscriberHears(bus, channel, cache);
      await bus.publish(db, channel, { type: "comment-created" });
      expect(await heard).toBe(1); // only the poll read is left when the stream would tell the browser
      expect(await render(app.base, listPath)).toBe(3);
      expect(await render(app.base, resultsPath)).toBe(2);
    } finally {
      stop();
      await bus.close();
    }
  });

  it("a poll event clears the poll reads", async () => {
    const bus = new MemoryLiveBus();
    const cache = lastingCache();
    const stop = clearReadsOnLiveEvents(cache, bus);
    try {
      const app = await appServer(cache);
      expect(await render(app.base, resultsPath)).toBe(1);
      const channel = pollChannel(`poll-${Date.now()}`);
      const heard = sizeWhenSubscriberHears(bus, channel, cache);
      await bus.publish(db, channel, { type: "results-changed" });
      expect(await heard).toBe(0);
      expect(await render(app.base, resultsPath)).toBe(2);
    } finally {
      stop();
      await bus.close();
    }
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL ? () => (database.target.kind === "postgres" ? database.target.url : "") : null;

// Only with TEST_DATABASE_URL: several app servers need a PostgreSQL server (as in server/live/bus.test.ts).
if (postgresUrl) describe("reads cleared by live events (PostgreSQL bus, two app servers)", () => {
  it("an event published through one server clears the reads of both, subscribers or not", async () => {
    const busA = new PostgresLiveBus(postgresUrl!());
    const busB = new PostgresLiveBus(postgresUrl!());
    const cacheA = lastingCache();
    const cacheB = lastingCache();
    const stops = [clearReadsOnLiveEvents(cacheA, busA), clearReadsOnLiveEvents(cacheB, busB)];
    try {
      await Promise.all([busA.ready(), busB.ready()]);
      const appA = await appServer(cacheA);
      const appB = await appServer(cacheB);
      expect(await render(appA.base, listPath)).toBe(1);
      expect(await render(appB.base, listPath)).toBe(1);

      const channel = commentsChannel(`essay-${Date.now()}`);
      // Server A has a subscriber of the channel; server B has none: only an observer hears it there.
      const heardOnA = sizeWhenSubscriberHears(busA, channel, cacheA);
      const observedOnB = new Promise<number>((resolve) => {
        const stop = busB.observe("comments", () => {
          stop();
          queueMicrotask(() => resolve(cacheB.size));
        });
      });
      await busA.publish(db, channel, { type: "comment-created" });
      expect(await heardOnA).toBe(0);
      expect(await observedOnB).toBe(0);
      expect(await render(appA.base, listPath)).toBe(2);
      expect(await render(appB.base, listPath)).toBe(2);
    } finally {
      for (const stop of stops) stop();
      await busA.close();
      await busB.close();
    }
  });
});
