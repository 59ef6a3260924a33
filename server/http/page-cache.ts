/**
 * A one-second cache of shareable pages in front of Next.
 *
 * The essay page is the same bytes for every reader until the content changes (contract 3), and
 * Next already serves it from its own cache — but Next's routing, rewrites and cache lookup cost
 * several times what sending the bytes does. So pages that Next marks as shareable
 * (Cache-Control with s-maxage, no Set-Cookie) are kept here for a second and served without
 * calling Next: under load Next renders from its cache about once per second per page. A second
 * of lag behind Next's own revalidation is the only cost.
 *
 * The key is what Next's answer depends on for such a page: the URL and the interface language,
 * which next.config.ts's rewrites take from the NEXT_LOCALE cookie ("en", else Chinese). Requests
 * for RSC payloads or with a server action carry headers that Next varies on, and go to Next.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { FinishedBody } from "./response-finisher.ts";

const varyingRequestHeaders = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "authorization"];
/** Set per response by the server or per request by setSecurityHeaders, never replayed. */
const unreplayedHeaders = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding", "strict-transport-security"]);

export interface CachedPage {
  status: number;
  headers: OutgoingHttpHeaders;
  finished: FinishedBody;
  expires: number;
}

export class PageCache {
  private readonly pages = new Map<string, CachedPage>();

  constructor(
    private readonly ttlMs = 1000,
    private readonly maxPages = 500,
  ) {}

  /** The cache key of a request that may be answered from the cache, else null. */
  keyFor(req: IncomingMessage): string | null {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    const url = req.url ?? "/";
    if (url.startsWith("/api/") || url.startsWith("/_next/")) return null;
    for (const header of varyingRequestHeaders) if (req.headers[header] !== undefined) return null;
    const locale = /(?:^|;\s*)NEXT_LOCALE=en(?:;|$)/.test(req.headers.cookie ?? "") ? "en" : "zh";
    return `${locale} ${url}`;
  }

  lookup(key: string, now = Date.now()): CachedPage | null {
    const page = this.pages.get(key);
    if (!page) return null;
    if (page.expires > now) return page;
    this.pages.delete(key);
    return null;
  }

  /** Keeps the finished response when Next marked it shareable. */
  store(key: string, res: ServerResponse, finished: FinishedBody): void {
    if (res.statusCode !== 200 || res.hasHeader("set-cookie")) return;
    const cacheControl = String(res.getHeader("cache-control") ?? "").toLowerCase();
    if (!/\bs-maxage=\d+/.test(cacheControl) || /\b(private|no-store|no-cache)\b/.test(cacheControl)) return;
    const headers = replayableHeaders(res);
    if (this.pages.size >= this.maxPages) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, { status: res.statusCode, headers, finished, expires: Date.now() + this.ttlMs });
  }
}

/** The headers of `res` that a replay of it sends again. */
export function replayableHeaders(res: ServerResponse): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(res.getHeaders())) if (!unreplayedHeaders.has(name)) headers[name] = value;
  return headers;
}

/** Answers `req` from a cached page, honouring If-None-Match; `encode` picks the body's encoding. */
export function replayPage(req: IncomingMessage, res: ServerResponse, page: CachedPage, encode: (res: ServerResponse, finished: FinishedBody) => Buffer): void {
  for (const [name, value] of Object.entries(page.headers)) if (value !== undefined) res.setHeader(name, value);
  const body = encode(res, page.finished);
  const etag = res.getHeader("etag");
  if (typeof etag === "string" && matchesEtag(req.headers["if-none-match"], etag)) {
    res.statusCode = 304;
    res.removeHeader("content-encoding");
    res.removeHeader("content-security-policy"); // the cached page keeps its own (response-finisher.ts)
    res.end();
    return;
  }
  res.statusCode = page.status;
  res.setHeader("Content-Length", body.length);
  res.end(body);
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}
