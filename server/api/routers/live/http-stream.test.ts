/**
 * A live subscription over real HTTP semantics, through the tRPC route: a server-sent event stream
 * whose events carry their LiveEvent ids, resumed after the id in a Last-Event-ID header the way
 * a reconnecting EventSource sends it, and closed when the client goes away.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import * as route from "@/app/api/trpc/[trpc]/route.ts";
import type { CommentEvent } from "@/server/api/routers/comments/schemas.ts";
import { setDatabaseForProcess } from "@/server/db/index.ts";
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

const score = (n: number): CommentEvent => ({ type: "score", commentId: "c1", score: n });

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
