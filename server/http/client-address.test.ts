/**
 * The client address is the proxies' word: unit rules of clientAddressOf, then real HTTP through one
 * and two proxies that append to X-Forwarded-For as nginx's $proxy_add_x_forwarded_for does, each
 * hop on its own loopback address so every address in the chain can be told apart.
 */
import { once } from "node:events";
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientAddressHeader, clientAddressOf, clientRateLimitKey } from "./client-address.ts";
import { createRequestHandler } from "./request-handler.ts";

describe("clientAddressOf", () => {
  it("is the socket's address when no proxy is trusted, whatever the headers say", () => {
    expect(clientAddressOf("203.0.113.1", "198.51.100.7", 0)).toBe("203.0.113.1");
  });

  it("is the right-most hop not added by our proxies, ignoring forged entries to its left", () => {
    // One proxy: it appended the client's address after whatever the client sent.
    expect(clientAddressOf("10.0.0.1", "6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    // Two proxies: the outer appended the client, the inner appended the outer.
    expect(clientAddressOf("10.0.0.2", "6.6.6.6, 7.7.7.7, 203.0.113.9, 10.0.0.1", 2)).toBe("203.0.113.9");
    expect(clientAddressOf("10.0.0.2", "2001:db8::5,10.0.0.1", 2)).toBe("2001:db8::5");
    // A client's garbage left of what our proxies wrote is never read.
    expect(clientAddressOf("10.0.0.1", "not an address, ,203.0.113.9", 1)).toBe("203.0.113.9");
  });

  it("falls back to the socket's address when what our proxies should have written is missing or malformed", () => {
    expect(clientAddressOf("10.0.0.1", undefined, 1)).toBe("10.0.0.1");
    expect(clientAddressOf("10.0.0.1", "", 1)).toBe("10.0.0.1");
    expect(clientAddressOf("10.0.0.2", "203.0.113.9", 2)).toBe("10.0.0.2"); // did not pass both proxies
    for (const malformed of ["203.0.113.9:4711", "[2001:db8::5]", "unknown", "203.0.113.999", "203.0.113.9 x", "1.2.3.4, "]) {
      expect(clientAddressOf("10.0.0.1", malformed, 1)).toBe("10.0.0.1");
    }
    expect(clientAddressOf("10.0.0.2", "203.0.113.9, bogus", 2)).toBe("10.0.0.2");
  });

  it("reads repeated X-Forwarded-For headers as one list", () => {
    expect(clientAddressOf("10.0.0.1", ["6.6.6.6", "203.0.113.9"], 1)).toBe("203.0.113.9");
  });
});

describe("clientRateLimitKey", () => {
  it("keys IPv4 by address (also IPv4-mapped), IPv6 by its /64, and anything else as unknown", () => {
    expect(clientRateLimitKey("203.0.113.9")).toBe("203.0.113.9");
    expect(clientRateLimitKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(clientRateLimitKey("2001:db8:0:12::1")).toBe("2001:db8:0:12::/64");
    expect(clientRateLimitKey("2001:0db8:0000:0012:ffff:1:2:3")).toBe("2001:db8:0:12::/64");
    expect(clientRateLimitKey("::1")).toBe("0:0:0:0::/64");
    expect(clientRateLimitKey("")).toBe("");
    expect(clientRateLimitKey(null)).toBe("");
    expect(clientRateLimitKey("6.6.6.6, 7.7.7.7")).toBe("");
  });
});

describe("behind real proxies that append to X-Forwarded-For", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function listen(server: Server): Promise<number> {
    servers.push(server);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    return (server.address() as AddressInfo).port;
  }

  /** The app's pipeline, answering with the client address it stamped. */
  const app = (trustProxy: number) =>
    listen(createServer(createRequestHandler(async (req, res) => void res.end(req.headers[clientAddressHeader]), { dev: false, trustProxy, pageCache: false })));

  /** A proxy that, like nginx with $proxy_add_x_forwarded_for, appends its peer's address; it connects on from `from`. */
  const proxy = (upstream: number, from: string) =>
    listen(
      createServer((req: IncomingMessage, res: ServerResponse) => {
        const seen = req.headers["x-forwarded-for"];
        const forwardedFor = seen ? `${seen}, ${req.socket.remoteAddress}` : req.socket.remoteAddress!;
        const onward = httpRequest(
          { host: "127.0.0.1", port: upstream, localAddress: from, method: req.method, path: req.url, headers: { ...req.headers, "x-forwarded-for": forwardedFor } },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        req.pipe(onward);
      }),
    );

  /** What the app believes about a client on `from` that sends `forwardedFor` to the front proxy. */
  function ask(port: number, from: string, forwardedFor?: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, localAddress: from, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} }, (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => resolve(body));
      });
      req.on("error", reject).end();
    });
  }

  it("one proxy (TRUST_PROXY=1): the client's own address, never the one it claims", async () => {
    const front = await proxy(await app(1), "127.0.0.20");
    expect(await ask(front, "127.0.0.10")).toBe("127.0.0.10");
    expect(await ask(front, "127.0.0.10", "203.0.113.66")).toBe("127.0.0.10");
    expect(await ask(front, "127.0.0.10", "203.0.113.66, 198.51.100.1")).toBe("127.0.0.10");
    expect(await ask(front, "127.0.0.10", "garbage")).toBe("127.0.0.10");
  });

  it("two proxies (TRUST_PROXY=2): the address the outer proxy saw, never the inner proxy's or a forged one", async () => {
    const inner = await proxy(await app(2), "127.0.0.21");
    const outer = await proxy(inner, "127.0.0.20");
    expect(await ask(outer, "127.0.0.11")).toBe("127.0.0.11");
    expect(await ask(outer, "127.0.0.11", "203.0.113.66, 203.0.113.67")).toBe("127.0.0.11");
  });

  it("without TRUST_PROXY the nearest proxy's address is the client (every reader looks alike, none can lie)", async () => {
    const front = await proxy(await app(0), "127.0.0.20");
    expect(await ask(front, "127.0.0.10", "203.0.113.66")).toBe("127.0.0.20");
  });
});
