import http from "node:http";
import type { AddressInfo } from "node:net";
import superjson from "superjson";
import { afterEach, describe, expect, it } from "vitest";
import { readBenchOptions } from "../lib/options.ts";
import type { CommentsFixture } from "./fixture.ts";
import { liveDelivery } from "./live-delivery.ts";

/** A stand-in for the app: tRPC's SSE framing for live.comments, and comments.create fanning out. */
function fakeApp(options: { deliver: boolean }) {
  const streams = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    if (request.method === "GET" && request.url?.startsWith("/api/trpc/live.comments?input=")) {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write('event: connected\ndata: {"reconnectAfterInactivityMs":8000}\n\n');
      streams.add(response);
      request.on("close", () => streams.delete(response));
      return;
    }
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      const input = superjson.deserialize<{ body: string }>(JSON.parse(body));
      const comment = { id: "c1", bodyHtml: `<p>${input.body}</p>`, createdAt: new Date() };
      if (options.deliver) {
        // Split across writes, as a real stream may be.
        const event = `id: 1\ndata: ${JSON.stringify(superjson.serialize({ type: "created", comment }))}\n\n`;
        for (const stream of streams) {
          stream.write(event.slice(0, 10));
          stream.write(event.slice(10));
        }
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ result: { data: superjson.serialize(comment) } }));
    });
  });
  return {
    listen: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => {
      for (const stream of streams) stream.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const fixture = (() => ({
  main: { essayId: "e1", slug: "essay", prefix: "bc_", count: 10, topLevel: 7 },
  livePoster: { prefix: "bcl_", count: 1 },
})) as unknown as () => CommentsFixture;

describe("liveDelivery", () => {
  let app: ReturnType<typeof fakeApp> | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it("times every connection's delivery of every posted comment", async () => {
    app = fakeApp({ deliver: true });
    const baseUrl = await app.listen();
    const options = { ...readBenchOptions({}, []), liveConnections: 20, liveRounds: 3 };
    const result = await liveDelivery(fixture).run({ baseUrl, serverPid: process.pid, options, step: () => undefined });
    expect(result.measured.load.totalRequests).toBe(60);
    expect(result.measured.load.errors).toBe(0);
    expect(result.measured.load.p99Ms).toBeLessThan(1000);
    expect(result.notes?.[0]).toContain("60 deliveries timed, none missed");
  });

  it("counts a comment that never arrives as missed, with an infinite p99", async () => {
    app = fakeApp({ deliver: false });
    const baseUrl = await app.listen();
    const options = { ...readBenchOptions({}, []), liveConnections: 3, liveRounds: 1 };
    const result = await liveDelivery(fixture, { deliveryTimeoutMs: 300 }).run({ baseUrl, serverPid: process.pid, options, step: () => undefined });
    expect(result.measured.load.errors).toBe(3);
    expect(result.measured.load.p99Ms).toBe(Number.POSITIVE_INFINITY);
    expect(result.notes?.[0]).toContain("**3 missed**");
  });
});
