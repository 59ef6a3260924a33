/**
 * The read cache in the real pipeline (request-handler.ts), with a plain handler standing in for
 * Next's tRPC route: signed-out reads of the allowlisted queries are answered from memory, and
 * nothing a reader could see wrong is ever kept or kept too long.
 */
import { once } from "node:events";
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { ReadCache, readRequestOf } from "./read-cache.ts";
import { createRequestHandler } from "./request-handler.ts";

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  server?.close();
  server = null;
});

/** A stand-in for the tRPC route: answers with `answer(url)` and counts the calls it gets. */
function trpcStandIn(answer: (req: IncomingMessage, res: ServerResponse, call: number) => void | Promise<void>) {
  const calls: string[] = [];
  return {
    calls,
    handler: async (req: IncomingMessage, res: ServerResponse) => {
      calls.push(req.url ?? "");
      await answer(req, res, calls.length);
    },
  };
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>, cache: ReadCache): Promise<string> {
  server = createServer(createRequestHandler(handler, { dev: false, trustProxy: 0, pageCache: true, readCache: cache }));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function json(res: ServerResponse, body: unknown, status = 200): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json");
  res.end(JSON.stringify(body));
}

/** A comments page big enough to be compressed (over 1 KB), numbered by the call that made it. */
const page = (call: number) => ({ result: { data: { json: { items: Array.from({ length: 200 }, (_, i) => `comment ${i}`), render: call } } } });
const listUrl = '/api/trpc/comments.list?input={"json":{"slug":"tuiquan","sort":"top","limit":20}}';
const resultsUrl = '/api/trpc/polls.results?input={"json":{"pollId":"p1"}}';

async function get(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(base + path, { headers: { "accept-encoding": "identity", ...headers } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

describe("the read cache", () => {
  it("answers a repeated signed-out read from memory, without reaching the handler, in any encoding", async () => {
    const cache = new ReadCache();
    const next = trpcStandIn((_req, res, call) => json(res, page(call)));
    const base = await serve(next.handler, cache);

    const first = await get(base, listUrl);
    const second = await get(base, listUrl);
    expect(next.calls).toHaveLength(1);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("content-type")).toBe("application/json");
    expect(second.headers.get("x-content-type-options")).toBe("nosniff");

    // A browser's request: the cached answer's Brotli copy.
    const raw = await new Promise<{ headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
      httpRequest(base + listUrl, { headers: { "accept-encoding": "gzip, deflate, br, zstd" } }, async (res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of res) chunks.push(chunk as Buffer);
        resolve({ headers: res.headers, body: Buffer.concat(chunks) });
      })
        .on("error", reject)
        .end();
    });
    expect(raw.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(raw.body).toString("utf8"))).toEqual(first.body);
    expect(next.calls).toHaveLength(1);
  });

  it("never answers a signed-in reader (or a streamed batch) from it, nor keeps what they were sent", async () => {
    const cache = new ReadCache();
    const next = trpcStandIn((req, res, call) => json(res, { ...page(call), reader: req.headers.cookie ?? null }));
    const base = await serve(next.handler, cache);

    await get(base, listUrl);
    for (const cookie of ["next-auth.session-token=abc", "__Secure-next-auth.session-token=abc", "NEXT_LOCALE=en; next-auth.session-token.0=abc"]) {
      const signedIn = await get(base, listUrl, { cookie });
      expect(signedIn.body.reader).toBe(cookie);
    }
    const withAuthorization = await get(base, listUrl, { authorization: "Bearer x" });
    // A streamed batch is another format of answer (tRPC varies on these headers): left to Next too.
    await get(base, listUrl, { "trpc-accept": "application/jsonl" });
    await get(base, listUrl, { accept: "application/jsonl" });
    expect(withAuthorization.body.result.data.json.render).toBe(5);
    expect(next.calls).toHaveLength(7);
    // The signed-out answer is still the first one: nothing signed in was kept.
    const signedOut = await get(base, listUrl);
    expect(signedOut.body.reader).toBeNull();
    expect(signedOut.body.result.data.json.render).toBe(1);
    expect(next.calls).toHaveLength(7);
  });

  it("keys answers by interface language", async () => {
    const cache = new ReadCache();
    const next = trpcStandIn((_req, res, call) => json(res, page(call)));
    const base = await serve(next.handler, cache);
    await get(base, listUrl);
    await get(base, listUrl, { cookie: "NEXT_LOCALE=en" });
    await get(base, listUrl, { cookie: "NEXT_LOCALE=en; theme=dark" });
    expect(next.calls).toHaveLength(2);
  });

  it("keeps no error, no partial batch, no answer that sets a cookie, and no query outside the allowlist", async () => {
    const cache = new ReadCache();
    const next = trpcStandIn((req, res, call) => {
      if (req.url!.includes("missing")) return json(res, { error: { json: { message: "not found" } } }, 404);
      if (req.url!.includes("partial")) return json(res, [page(call), { error: {} }], 207);
      if (req.url!.includes("cookie")) res.setHeader("Set-Cookie", "a=b");
      json(res, page(call));
    });
    const base = await serve(next.handler, cache);
    const paths = [
      '/api/trpc/comments.list?input={"json":{"slug":"missing"}}',
      '/api/trpc/comments.list,polls.results?batch=1&input={"0":{"json":{"slug":"partial"}}}',
      '/api/trpc/polls.results?input={"json":{"pollId":"cookie"}}',
      '/api/trpc/comments.thread?input={"json":{"commentId":"c1"}}',
      '/api/trpc/comments.list,me.get?batch=1&input={}',
    ];
    for (const path of paths) {
      await get(base, path);
      await get(base, path);
    }
    expect(next.calls).toHaveLength(paths.length * 2);
    expect(cache.size).toBe(0);
  });

  it("keeps a batch whose every query is allowed", async () => {
    const cache = new ReadCache();
    const next = trpcStandIn((_req, res, call) => json(res, [page(call), page(call)]));
    const base = await serve(next.handler, cache);
    const path = '/api/trpc/essay.get,comments.list,polls.results?batch=1&input={"0":{"json":{"slug":"s"}},"1":{"json":{"slug":"s"}},"2":{"json":{"pollId":"p"}}}';
    await get(base, path);
    await get(base, path);
    expect(next.calls).toHaveLength(1);
  });

  it("after a clear of its scope, serves the new answer; other scopes' answers stay", async () => {
    const cache = new ReadCache();
    const next = trpcStandIn((_req, res, call) => json(res, page(call)));
    const base = await serve(next.handler, cache);
    expect((await get(base, listUrl)).body.result.data.json.render).toBe(1);
    expect((await get(base, resultsUrl)).body.result.data.json.render).toBe(2);

    cache.invalidate("comments");
    expect((await get(base, listUrl)).body.result.data.json.render).toBe(3);
    expect((await get(base, resultsUrl)).body.result.data.json.render).toBe(2);
    cache.invalidate("polls");
    expect((await get(base, resultsUrl)).body.result.data.json.render).toBe(4);
    expect(next.calls).toHaveLength(4);
  });

  it("does not keep a render that began before a clear", async () => {
    const cache = new ReadCache();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const renderStarted = new Promise<void>((resolve) => (started = resolve));
    const next = trpcStandIn(async (_req, res, call) => {
      if (call === 1) {
        started();
        await released; // the render read the old data; a comment is posted meanwhile
      }
      json(res, page(call));
    });
    const base = await serve(next.handler, cache);

    const stale = get(base, listUrl);
    await renderStarted;
    cache.invalidate("comments");
    release();
    expect((await stale).body.result.data.json.render).toBe(1);
    expect((await get(base, listUrl)).body.result.data.json.render).toBe(2);
    expect((await get(base, listUrl)).body.result.data.json.render).toBe(2);
  });

  it("renders concurrent misses of one key once", async () => {
    const cache = new ReadCache();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const next = trpcStandIn(async (_req, res, call) => {
      await released;
      json(res, page(call));
    });
    const base = await serve(next.handler, cache);
    const answers = Array.from({ length: 5 }, () => get(base, listUrl));
    // The first miss has reached the handler; the other four wait for its render.
    await expect.poll(() => next.calls.length).toBe(1);
    release();
    const bodies = (await Promise.all(answers)).map((answer) => answer.body.result.data.json.render);
    expect(bodies).toEqual([1, 1, 1, 1, 1]);
    expect(next.calls).toHaveLength(1);
  });

  it("holds no more entries than its cap, dropping the least recently used", async () => {
    const cache = new ReadCache({ maxEntries: 3 });
    const next = trpcStandIn((_req, res, call) => json(res, page(call)));
    const base = await serve(next.handler, cache);
    const pathOf = (n: number) => `/api/trpc/polls.results?input={"json":{"pollId":"p${n}"}}`;
    for (let n = 0; n < 3; n++) await get(base, pathOf(n));
    await get(base, pathOf(0)); // used again: p1 is now the least recent
    for (let n = 3; n < 20; n++) await get(base, pathOf(n));
    expect(cache.size).toBe(3);
    const calls = next.calls.length;
    await get(base, pathOf(19));
    expect(next.calls).toHaveLength(calls);
    await get(base, pathOf(1));
    expect(next.calls).toHaveLength(calls + 1);
  });

  it("serves an answer no longer than its maximum age", async () => {
    const cache = new ReadCache({ maxAgeMs: 1000 });
    const next = trpcStandIn((_req, res, call) => json(res, page(call)));
    const base = await serve(next.handler, cache);
    await get(base, listUrl);
    const sent = new URL(base + listUrl); // as fetch sends it, quotes and braces escaped
    const key = readRequestOf({ method: "GET", url: sent.pathname + sent.search, headers: {} } as IncomingMessage)!.key;
    expect(cache.lookup(key, Date.now() + 500)).not.toBeNull();
    expect(cache.lookup(key, Date.now() + 1001)).toBeNull();
    expect((await get(base, listUrl)).body.result.data.json.render).toBe(2);
  });
});
