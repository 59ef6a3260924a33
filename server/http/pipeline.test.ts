/**
 * The response pipeline of the custom server, with a plain handler standing in for Next: security
 * headers everywhere, buffered HTML gets its CSP hashes and compression, other bodies pass through,
 * shareable pages are served from the page cache, and /api/trpc bodies over 64 KB are refused
 * before the handler sees them.
 */
import { once } from "node:events";
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { themeScript } from "@/components/theme/theme-script.ts";
import { scriptHash } from "./inline-scripts.ts";
import { createRequestHandler } from "./request-handler.ts";
import { maxTrpcBodyBytes } from "./trpc-error-response.ts";
import { httpStatusMetaName } from "./status-marker.ts";
import { clientAddressHeader } from "./client-address.ts";
import { remoteAddressHeader } from "@/server/auth/local-request.ts";

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  server?.close();
  server = null;
});

/** A server with the real pipeline (request-handler.ts) and `handler` in Next's place. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void, options: { pageCache?: boolean } = {}): Promise<string> {
  server = createServer(
    createRequestHandler(async (req, res) => handler(req, res), { dev: false, trustProxy: 0, pageCache: options.pageCache ?? false }),
  );
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const flight = 'self.__next_f.push([1,"0:[\\"$\\",\\"p\\",null,{}]\\n"])';
const page = `<!DOCTYPE html><html><head><script>${themeScript}</script></head><body><p>${"退圈。".repeat(2000)}</p>` +
  `<div><script>alert("injected")</script></div><script>${flight}</script></body></html>`;

function cspOf(response: Response): string {
  return response.headers.get("content-security-policy") ?? "";
}

describe("HTML responses", () => {
  it("carry a CSP with the hashes of the trusted inline scripts only, also when written in pieces", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      const half = Math.floor(page.length / 2);
      res.write(page.slice(0, half));
      setTimeout(() => res.end(page.slice(half)), 5);
    });
    const response = await fetch(url, { headers: { "accept-encoding": "identity" } });
    expect(await response.text()).toBe(page);
    const csp = cspOf(response);
    expect(csp).toContain(scriptHash(themeScript));
    expect(csp).toContain(scriptHash(flight));
    expect(csp).not.toContain(scriptHash('alert("injected")'));
    expect(/script-src [^;]*unsafe-inline/.test(csp)).toBe(false);
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(page)));
  });

  it.each([
    ["br", brotliDecompressSync],
    ["gzip", gunzipSync],
  ] as const)("are compressed with %s when accepted, with a weak ETag and Vary", async (encoding, decompress) => {
    const url = await serve((_req, res) => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("ETag", '"abc"');
      res.end(page);
    });
    for (let request = 0; request < 2; request++) {
      // fetch would decompress by itself: read the raw bytes with node:http.
      const raw = await new Promise<{ headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
        httpRequest(url, { headers: { "accept-encoding": encoding } }, async (res) => {
          const chunks: Buffer[] = [];
          for await (const chunk of res) chunks.push(chunk as Buffer);
          resolve({ headers: res.headers, body: Buffer.concat(chunks) });
        }).on("error", reject).end();
      });
      expect(raw.headers["content-encoding"]).toBe(encoding);
      expect(raw.headers.vary).toContain("Accept-Encoding");
      expect(raw.headers.etag).toBe('W/"abc"');
      expect(Number(raw.headers["content-length"])).toBe(raw.body.length);
      expect(raw.body.length).toBeLessThan(Buffer.byteLength(page) / 4);
      expect(decompress(raw.body).toString()).toBe(page);
      expect(raw.headers["content-security-policy"]).toContain(scriptHash(flight));
    }
  });

  it("send no policy with a 304: its headers replace the cached page's, whose scripts need their hashes", async () => {
    const url = await serve((_req, res) => {
      res.statusCode = 304;
      res.end();
    });
    const response = await fetch(url);
    expect(response.status).toBe(304);
    expect(response.headers.get("content-security-policy")).toBeNull();
  });
});

describe("other responses", () => {
  it("pass through untouched when not compressible, as they are written", async () => {
    const bytes = Buffer.alloc(4096, 7);
    const url = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "image/png", "Content-Length": String(bytes.length) });
      res.end(bytes);
    });
    const response = await fetch(url, { headers: { "accept-encoding": "br" } });
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });
});

describe("/api/trpc body limit", () => {
  const echo = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ received: Buffer.concat(chunks).length }));
    });
  };

  it("refuses a declared body over 64 KB in the reader's language", async () => {
    const url = await serve(echo);
    const response = await fetch(`${url}/api/trpc/me.update`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "NEXT_LOCALE=en" },
      body: "x".repeat(maxTrpcBodyBytes + 1),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { json: { message: string; data: { code: string } } } };
    expect(body.error.json.message).toBe("The request is too large (the limit is 64 KB).");
    expect(body.error.json.data.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses an endless chunked body once it passes 64 KB, without reading the rest", async () => {
    const url = await serve(echo);
    let sent = 0;
    const chunk = new Uint8Array(8192).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 50 * 1024 * 1024) return controller.error(new Error("the server kept reading"));
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${url}/api/trpc/me.update`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { json: { message: string } } }).error.json.message).toBe("请求内容过大（上限 64 KB）。");
    expect(sent).toBeLessThan(10 * 1024 * 1024);
  });

  it("hands a small chunked body to the handler intact", async () => {
    const url = await serve(echo);
    const parts = [new Uint8Array(30_000).fill(0x61), new Uint8Array(30_000).fill(0x62)];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(part);
        controller.close();
      },
    });
    const response = await fetch(`${url}/api/trpc/me.update`, { method: "POST", body, duplex: "half" } as RequestInit);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 60_000 });
  });

  it("leaves other paths alone", async () => {
    const url = await serve(echo);
    const response = await fetch(`${url}/api/auth/callback`, { method: "POST", body: "x".repeat(maxTrpcBodyBytes * 2) });
    expect(await response.json()).toEqual({ received: maxTrpcBodyBytes * 2 });
  });
});

describe("every response", () => {
  it("carries the security headers, and HSTS only over https behind a trusted proxy", async () => {
    const url = await serve((_req, res) => res.end("ok"));
    const response = await fetch(url, { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("permissions-policy")).toContain("camera=()");
    expect(cspOf(response)).toContain("frame-ancestors 'none'");
    expect(response.headers.get("strict-transport-security")).toBeNull(); // proxy not trusted

    server?.close();
    server = createServer(createRequestHandler(async (_req, res) => void res.end("ok"), { dev: false, trustProxy: 1, pageCache: false }));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const trusted = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect((await fetch(trusted, { headers: { "x-forwarded-proto": "https" } })).headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
    expect((await fetch(trusted)).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("the page cache", () => {
  const shareable = (calls: { count: number }) => (req: IncomingMessage, res: ServerResponse) => {
    calls.count++;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Cache-Control", "s-maxage=300, stale-while-revalidate=31535700");
    res.setHeader("ETag", '"v1"');
    res.end(page.replace("退圈。", /NEXT_LOCALE=en/.test(req.headers.cookie ?? "") ? "English" : "中文"));
  };

  it("answers repeated requests for a shareable page without calling Next, per language", async () => {
    const calls = { count: 0 };
    const url = await serve(shareable(calls), { pageCache: true });
    const first = await fetch(url);
    const again = await fetch(url, { headers: { "accept-encoding": "br" } });
    expect(calls.count).toBe(1);
    expect(await again.text()).toBe(await first.text());
    expect(cspOf(again)).toContain(scriptHash(flight));
    const english = await fetch(url, { headers: { cookie: "NEXT_LOCALE=en" } });
    expect(await english.text()).toContain("English");
    expect(calls.count).toBe(2);
    const notModified = await fetch(url, { headers: { "if-none-match": 'W/"v1"' } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("content-security-policy")).toBeNull();
    expect(calls.count).toBe(2);
  });

  it("never keeps private pages, pages that set cookies, or RSC requests", async () => {
    const calls = { count: 0 };
    const url = await serve((req, res) => {
      calls.count++;
      res.setHeader("Content-Type", "text/html");
      if (req.url === "/private") res.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
      else res.setHeader("Cache-Control", "s-maxage=300");
      if (req.url === "/cookie") res.setHeader("Set-Cookie", "a=b");
      res.end("<p>page</p>");
    }, { pageCache: true });
    for (const path of ["/private", "/private", "/cookie", "/cookie"]) await (await fetch(url + path)).text();
    await (await fetch(url + "/shared", { headers: { rsc: "1" } })).text();
    await (await fetch(url + "/shared", { headers: { rsc: "1" } })).text();
    expect(calls.count).toBe(6);
  });

  it("answers a page that asks for 404 in its head with a 404, and never keeps it", async () => {
    const calls = { count: 0 };
    const url = await serve((_req, res) => {
      calls.count++;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Cache-Control", "s-maxage=300");
      res.end(`<!DOCTYPE html><html><head><meta name="${httpStatusMetaName}" content="404"/></head><body><h1>找不到</h1></body></html>`);
    }, { pageCache: true });
    const first = await fetch(url + "/essays/nope");
    expect(first.status).toBe(404);
    expect(await first.text()).toContain("找不到");
    expect((await fetch(url + "/essays/nope")).status).toBe(404);
    expect(calls.count).toBe(2);
  });

  it("stamps the socket and client addresses over whatever the client claims", async () => {
    const seen: Record<string, string | string[] | undefined>[] = [];
    const echo = async (req: IncomingMessage, res: ServerResponse) => {
      seen.push({ remote: req.headers[remoteAddressHeader], client: req.headers[clientAddressHeader] });
      res.end("ok");
    };
    const forged = { [remoteAddressHeader]: "203.0.113.9", [clientAddressHeader]: "203.0.113.9", "x-forwarded-for": "198.51.100.7" };
    server = createServer(createRequestHandler(echo, { dev: false, trustProxy: 0, pageCache: false }));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { headers: forged })).text();
    expect(seen.pop()).toEqual({ remote: "127.0.0.1", client: "127.0.0.1" });
    server.close();

    server = createServer(createRequestHandler(echo, { dev: false, trustProxy: 1, pageCache: false }));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { headers: forged })).text();
    expect(seen.pop()).toEqual({ remote: "127.0.0.1", client: "198.51.100.7" });
  });
});
