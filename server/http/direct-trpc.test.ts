/**
 * The custom server's direct tRPC path (direct-trpc.ts): which requests skip Next, that they reach
 * the handler Next's route offered with their body and the server's own client address, that the
 * answer (status, cookies, streamed batches) comes back whole, and that no procedure served
 * directly depends on Next's request context.
 */
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { clientAddressHeader } from "./client-address.ts";
import { directTrpcHandlerFor, offerDirectTrpcHandler, proceduresServedByNext, type TrpcFetchHandler } from "./direct-trpc.ts";
import { createRequestHandler } from "./request-handler.ts";

const slot = globalThis as { __tuiquanDirectTrpc?: TrpcFetchHandler };
let server: Server | null = null;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = null;
  delete slot.__tuiquanDirectTrpc;
});

function requestTo(method: string, url: string): IncomingMessage {
  return { method, url, headers: {} } as IncomingMessage;
}

describe("which requests skip Next", () => {
  const handler: TrpcFetchHandler = async () => new Response(null);

  it("none before Next's route has offered its handler", () => {
    expect(directTrpcHandlerFor(requestTo("POST", "/api/trpc/comments.vote"))).toBeNull();
  });

  it("queries and mutations, single or batched, once the handler is offered", () => {
    offerDirectTrpcHandler(handler);
    expect(directTrpcHandlerFor(requestTo("POST", "/api/trpc/comments.vote"))).toBe(handler);
    expect(directTrpcHandlerFor(requestTo("GET", "/api/trpc/comments.list,polls.results?batch=1&input=%7B%7D"))).toBe(handler);
  });

  it("not live streams, poll moderation (in any batch), other methods or other paths", () => {
    offerDirectTrpcHandler(handler);
    for (const [method, url] of [
      ["GET", "/api/trpc/live.page?input=%7B%7D"],
      ["POST", "/api/trpc/polls.moderation.create"],
      ["GET", "/api/trpc/comments.list,polls.moderation.list?batch=1"],
      ["GET", "/api/trpc/comments.list%2Cpolls.moderation.list?batch=1"],
      ["PUT", "/api/trpc/comments.vote"],
      ["GET", "/api/auth/session"],
      ["GET", "/api/trpc/%E0%A4%A"],
    ]) {
      expect(directTrpcHandlerFor(requestTo(method!, url!)), `${method} ${url}`).toBeNull();
    }
  });
});

describe("a direct answer", () => {
  async function serve(handler: TrpcFetchHandler): Promise<{ url: string; nextCalls: string[] }> {
    offerDirectTrpcHandler(handler);
    const nextCalls: string[] = [];
    server = createServer(
      createRequestHandler(
        async (req, res) => {
          nextCalls.push(req.url ?? "");
          res.end("from Next");
        },
        { dev: false, trustProxy: 0, pageCache: false, directTrpc: true },
      ),
    );
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, nextCalls };
  }

  it("passes the body and the server's client address (never a client's claim) to the handler", async () => {
    const seen: { body: string | null; address: string | null; method: string; url: string }[] = [];
    const { url, nextCalls } = await serve(async (req, body) => {
      seen.push({ body, address: req.headers.get(clientAddressHeader), method: req.method, url: req.url });
      return Response.json({ ok: true });
    });
    const response = await fetch(`${url}/api/trpc/comments.vote`, {
      method: "POST",
      headers: { "content-type": "application/json", [clientAddressHeader]: "203.0.113.9" },
      body: JSON.stringify({ json: { commentId: "c1", upvoted: true, text: "退圈" } }),
    });
    expect(await response.json()).toEqual({ ok: true });
    expect(nextCalls).toEqual([]);
    expect(seen).toEqual([
      {
        body: '{"json":{"commentId":"c1","upvoted":true,"text":"退圈"}}',
        address: "127.0.0.1",
        method: "POST",
        url: "http://localhost/api/trpc/comments.vote",
      },
    ]);
  });

  it("keeps the status, every cookie and the security headers", async () => {
    const { url } = await serve(async () => {
      const headers = new Headers({ "content-type": "application/json" });
      headers.append("set-cookie", "a=1; Path=/");
      headers.append("set-cookie", "b=2; Path=/");
      return new Response('{"error":"no"}', { status: 429, headers });
    });
    const response = await fetch(`${url}/api/trpc/comments.create`, { method: "POST", body: "{}" });
    expect(response.status).toBe(429);
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toBe('{"error":"no"}');
  });

  it("streams a streamed batch part by part", async () => {
    let sendSecond!: () => void;
    const { url } = await serve(async () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"first":1}\n'));
          sendSecond = () => {
            controller.enqueue(new TextEncoder().encode('{"second":2}\n'));
            controller.close();
          };
        },
      });
      return new Response(body, { headers: { "content-type": "application/jsonl" } });
    });
    const response = await fetch(`${url}/api/trpc/comments.list,polls.results?batch=1`, {
      headers: { "trpc-accept": "application/jsonl", "accept-encoding": "identity" },
    });
    const reader = response.body!.getReader();
    // The first part arrives while the handler has not yet produced the second.
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"first":1}\n');
    sendSecond();
    let rest = "";
    for (let part = await reader.read(); !part.done; part = await reader.read()) rest += new TextDecoder().decode(part.value);
    expect(rest).toBe('{"second":2}\n');
  });

  it("leaves live streams to Next", async () => {
    const { url, nextCalls } = await serve(async () => Response.json({ direct: true }));
    expect(await (await fetch(`${url}/api/trpc/live.page?input=%7B%7D`)).text()).toBe("from Next");
    expect(nextCalls).toEqual(["/api/trpc/live.page?input=%7B%7D"]);
  });
});

describe("procedures served directly", () => {
  /** Imports Next's request context lives behind: they only work inside a request Next routed. */
  const nextContext = /from\s+["']next\/(cache|headers|navigation|server)["']/;
  const projectDir = path.resolve(import.meta.dirname, "../..");
  const routersDir = path.join(projectDir, "server/api/routers");
  /** The router folders of proceduresServedByNext ("polls.moderation." → routers/polls/moderation). */
  const servedByNext = proceduresServedByNext.map((prefix) => path.join(routersDir, ...prefix.split(".").filter(Boolean)) + path.sep);

  function importsOf(file: string): string[] {
    const source = readFileSync(file, "utf8");
    const found: string[] = [];
    for (const match of source.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g)) {
      const specifier = match[1]!;
      if (specifier.startsWith("@/")) found.push(path.join(projectDir, specifier.slice(2)));
      else if (specifier.startsWith(".")) found.push(path.resolve(path.dirname(file), specifier));
    }
    return found.filter((target) => target.endsWith(".ts") || target.endsWith(".tsx"));
  }

  it("never reach code that needs Next's request context (revalidatePath, headers())", () => {
    const start = path.join(projectDir, "server/api/root.ts");
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string, chain: string[]) => {
      if (seen.has(file) || servedByNext.some((dir) => file.startsWith(dir))) return;
      seen.add(file);
      if (nextContext.test(readFileSync(file, "utf8"))) offenders.push([...chain, file].map((f) => path.relative(projectDir, f)).join(" → "));
      for (const target of importsOf(file)) visit(target, [...chain, file]);
    };
    visit(start, []);
    expect(seen.size).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });
});
