/**
 * A live subscription over real HTTP semantics, through the tRPC route: a server-sent event stream
 * whose events carry their LiveEvent ids, resumed after the id in a Last-Event-ID header the way
 * a reconnecting EventSource sends it, and closed when the client goes away; a client that stops
 * reading is cut off in a way that makes it reconnect, and loses nothing.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import * as route from "@/app/api/trpc/[trpc]/route.ts";
import type { CommentEvent } from "@/server/api/routers/comments/schemas.ts";
import { setDatabaseForProcess } from "@/server/db/index.ts";
import { maxQueuedEvents } from "@/server/live/event-queue.ts";
import { getLiveBus } from "@/server/live/process-bus.ts";
import { commentsChannel, publishLiveEvent } from "@/server/live/publish.ts";
import { createTestEssay } from "@/server/polls/testing/poll-fixture.ts";
import { createTestDatabase, type TestDatabase } from "@/server/test/database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  setDatabaseForProcess(database);
});
afterAll(() => database.close());

interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}

/** Reads a text/event-stream body event by event (enough of the format for tRPC's output). */
function sseEvents(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return async function next(): Promise<SseEvent | null> {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: SseEvent = { event: "message", id: null, data: "" };
        for (const line of block.split("\n")) {
          const [field, ...rest] = line.split(":");
          const value = rest.join(":").replace(/^ /, "");
          if (field === "event") event.event = value;
          else if (field === "id") event.id = value;
          else if (field === "data") event.data += value;
        }
        if (block.trim() !== "" && !block.startsWith(":")) return event;
        continue;
      }
      const { done, value } = await reader.read();
      if (done) return null;
      buffer += decoder.decode(value, { stream: true });
    }
  };
}

/** The next event that carries data (skipping `connected` and pings). */
async function nextData(next: () => Promise<SseEvent | null>): Promise<SseEvent | null> {
  for (;;) {
    const event = await next();
    if (!event || event.event === "message") return event;
  }
}

type ScoresEvent = CommentEvent & { type: "scores" };
const score = (n: number): ScoresEvent => ({ type: "scores", scores: [{ commentId: "c1", score: n }] });

it("streams tracked events, resumes after Last-Event-ID, and ends when the client leaves", async () => {
  const essayId = await createTestEssay(database.db);
  const { slug } = await database.db.essay.findUniqueOrThrow({ where: { id: essayId }, select: { slug: true } });
  const channel = commentsChannel(essayId);
  const first = await publishLiveEvent(database.db, channel, score(1));
  const second = await publishLiveEvent(database.db, channel, score(2));

  const client = new AbortController();
  const input = encodeURIComponent(JSON.stringify({ json: { slug } }));
  const response = await route.GET(
    new Request(`http://localhost:3000/api/trpc/live.comments?input=${input}`, { headers: { "last-event-id": first.id }, signal: client.signal }),
  );
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const next = sseEvents(response.body!);

  const resumed = await nextData(next);
  expect(resumed?.id).toBe(second.id);
  expect(JSON.parse(resumed!.data)).toEqual({ json: score(2) });

  const third = await publishLiveEvent(database.db, channel, score(3));
  const live = await nextData(next);
  expect(live?.id).toBe(third.id);
  expect(JSON.parse(live!.data)).toEqual({ json: score(3) });

  client.abort();
  expect(await nextData(next)).toBeNull();
});

it("ends the stream of a client that fell 1,000 events behind so that it reconnects, and the reconnect loses nothing", async () => {
  const essayId = await createTestEssay(database.db);
  const { slug } = await database.db.essay.findUniqueOrThrow({ where: { id: essayId }, select: { slug: true } });
  const channel = commentsChannel(essayId);
  const open = (lastEventId: string | null, signal: AbortSignal) => {
    const input = encodeURIComponent(JSON.stringify({ json: { slug } }));
    const headers: Record<string, string> = lastEventId ? { "last-event-id": lastEventId } : {};
    return route.GET(new Request(`http://localhost:3000/api/trpc/live.page?input=${input}`, { headers, signal }));
  };

  const slowClient = new AbortController();
  const slow = sseEvents((await open(null, slowClient.signal)).body!);
  expect((await nextData(slow))?.data).toBe(JSON.stringify({ json: { channel: "ready" } }));
  const first = await publishLiveEvent(database.db, channel, score(0));
  expect((await nextData(slow))?.id).toBe(`c:${first.id}`);

  // The client stops reading while more events than its queue holds are published. A listener of
  // our own tells when the bus has delivered the last one (it subscribed after the stream did, so
  // it hears each event after the stream's queue).
  const published = maxQueuedEvents + 20;
  const lastId = new Promise<string>((resolve) => {
    const stop = getLiveBus().subscribe(channel, (event) => {
      if ((event.payload as ScoresEvent).scores[0]!.score === published) {
        stop();
        resolve(event.id);
      }
    });
  });
  for (let n = 1; n <= published; n++) await publishLiveEvent(database.db, channel, score(n));
  const newest = await lastId;

  // What was already on its way arrives, then the response ends: no "return" event (which would
  // tell the client the subscription is over) and no error (which would stop it for good), so an
  // EventSource reconnects.
  const received: SseEvent[] = [];
  for (let event = await slow(); event; event = await slow()) received.push(event);
  expect(received.map((event) => event.event).filter((name) => name !== "message" && name !== "ping")).toEqual([]);
  const delivered = received.map((event) => JSON.parse(event.data) as { json: { event: ScoresEvent } });
  expect(delivered.length).toBeLessThan(published);
  const lastSeen = received.at(-1)?.id ?? `c:${first.id}`;

  // The reconnect resumes after the last id the client saw and brings every event it missed, in order.
  const reconnect = new AbortController();
  const resumed = sseEvents((await open(lastSeen, reconnect.signal)).body!);
  expect((await nextData(resumed))?.id).toBe(lastSeen);
  const scores = delivered.map(({ json }) => json.event.scores[0]!.score);
  for (;;) {
    const event = await nextData(resumed);
    const message = JSON.parse(event!.data) as { json: { event: ScoresEvent } };
    scores.push(message.json.event.scores[0]!.score);
    if (event!.id === `c:${newest}`) break;
  }
  expect(scores).toEqual(Array.from({ length: published }, (_, index) => index + 1));
  reconnect.abort();
});
