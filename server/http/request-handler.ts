/**
 * The custom server's request pipeline around Next's handler: security headers, the /api/trpc body
 * limit, the one-second page cache and the read cache of signed-out tRPC reads, then Next (or, for
 * most tRPC requests, tRPC without Next's routing: direct-trpc.ts) with its HTML held back for CSP
 * hashing and compression. Separate from app-server.ts so tests can put
 * any handler in Next's place.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { bufferResponse } from "./buffered-response.ts";
import { stampClientAddresses } from "./client-address.ts";
import { isTrpcRequestWithBody, limitTrpcBody } from "./body-limit.ts";
import { negotiateEncoding } from "./compression.ts";
import { PageCache, replayPage, type CachedPage } from "./page-cache.ts";
import { directTrpcHandlerFor, serveTrpcDirectly } from "./direct-trpc.ts";
import { bufferingEveryAnswer, type ReadCache, type ReadRequest, readRequestOf } from "./read-cache.ts";
import { ResponseFinisher } from "./response-finisher.ts";
import { setSecurityHeaders, type PolicyOptions } from "./security-headers.ts";

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface PipelineOptions extends PolicyOptions {
  /** Reverse proxies we run in front (TRUST_PROXY): whose X-Forwarded-For/-Proto to believe. */
  trustProxy: number;
  /** Keep shareable pages for a second (production); off in development so edits show at once. */
  pageCache: boolean;
  /** Signed-out readers' tRPC reads (read-cache.ts), cleared by live events (app-server.ts); none in development. */
  readCache?: ReadCache | null;
  /** Answer /api/trpc without Next's routing once Next's route has offered its handler (direct-trpc.ts); off in development. */
  directTrpc?: boolean;
}

export function createRequestHandler(next: NextHandler, options: PipelineOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const finisher = new ResponseFinisher(options);
  const pageCache = options.pageCache ? new PageCache() : null;
  const readCache = options.readCache ?? null;

  /** Next, or for most tRPC requests the same handler Next's route would call (direct-trpc.ts). */
  const answer = (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const direct = options.directTrpc ? directTrpcHandlerFor(req) : null;
    return direct ? serveTrpcDirectly(direct, req, res) : next(req, res);
  };

  const replay = (req: IncomingMessage, res: ServerResponse, cached: CachedPage) => {
    const encoding = negotiateEncoding(req.headers["accept-encoding"]);
    replayPage(req, res, cached, (response, finished) => finisher.encode(response, finished, encoding));
  };

  /** A cacheable read: from the cache, else after the render of the same key in flight, else rendered and kept. */
  const serveRead = (req: IncomingMessage, res: ServerResponse, cache: ReadCache, read: ReadRequest): void => {
    const cached = cache.lookup(read.key);
    if (cached) return replay(req, res, cached);
    const pending = cache.inFlight(read.key);
    if (pending) return void pending.then(() => !res.destroyed && serveRead(req, res, cache, read));
    const ticket = cache.begin(read);
    res.once("close", () => ticket.end());
    bufferResponse(res, bufferingEveryAnswer(finisher.decisionFor(req, { cache: ticket, key: read.key })));
    answer(req, res).catch((error: unknown) => failed(res, error));
  };

  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const read = readCache ? readRequestOf(req) : null;
    if (read) return serveRead(req, res, readCache!, read);
    const key = pageCache?.keyFor(req) ?? null;
    const cached = key ? pageCache!.lookup(key) : null;
    if (cached) return replay(req, res, cached);
    bufferResponse(res, finisher.decisionFor(req, key ? { cache: pageCache!, key } : undefined));
    answer(req, res).catch((error: unknown) => failed(res, error));
  };

  return (req, res) => {
    stampClientAddresses(req, options.trustProxy);
    setSecurityHeaders(req, res, options.trustProxy);
    res.setHeader("Content-Security-Policy", finisher.baseCsp);
    if (!isTrpcRequestWithBody(req)) return serve(req, res);
    const verdict = limitTrpcBody(req, res);
    if (verdict === "accepted") return serve(req, res);
    if (verdict !== "refused") void verdict.then((result) => result === "accepted" && serve(req, res));
  };
}

function failed(res: ServerResponse, error: unknown): void {
  console.error("[http] request failed:", error);
  if (res.headersSent) return void res.destroy();
  res.statusCode = 500;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.end("Internal Server Error");
}
