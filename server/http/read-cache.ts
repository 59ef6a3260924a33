/**
 * A cache of signed-out readers' tRPC reads, in front of Next (docs/performance.md).
 *
 * Most readers are signed out, and a signed-out reader's `comments.list` first page or poll
 * results are the same bytes for all of them. Through Next's route handler and tRPC each costs
 * about 3 ms of CPU (routing, context, queries, output parsing, superjson, compression); served
 * from memory by the custom server it costs what sending the bytes does. So the answers of a short
 * allowlist of queries are kept here, finished (compressed forms included, see
 * response-finisher.ts), and replayed without calling Next.
 *
 * What makes a kept answer fresh enough:
 * - Every change a reader is told about live ("new comment", "results changed") clears the
 *   answers it could change BEFORE the event reaches any subscriber's stream on this server
 *   (LiveBus.observe, clearReadsOnLiveEvents below): a browser that refetches on the event gets
 *   the new data. A render that started before a clear is not kept (generations, below).
 * - What no event announces (an author renamed, or showing a changed poll badge: me.update and
 *   ballots publish no comments event; a poll whose voting closes at its time; an event another
 *   server published while this server's PostgreSQL listener was reconnecting) shows at most
 *   `maxAgeMs` (1 s) late: the lag the page cache (page-cache.ts) accepts, and less than a reader
 *   could tell from a refresh. (A moderator's poll changes do publish: announce-poll-change.ts.)
 * - Ballots and comment votes announce coalesced, within 250 ms (poll-results-changed.ts,
 *   score-events.ts): until then a kept answer may miss the newest votes, exactly as the live
 *   counts on every open page do.
 * - Essays (essay.get, essay.list) change only when the content is seeded again: no event, the
 *   maximum age alone.
 *
 * Never kept: anything a session could change (a request with a session cookie or an
 * Authorization header: the answer carries the reader's own votes and authorship), answers other
 * than 200 (errors, partial batches), answers that set a cookie, and a batch with any procedure
 * outside the allowlist.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { localeFromCookieHeader } from "@/server/i18n/locales.ts";
import type { LiveBus } from "@/server/live/bus.ts";
import type { BufferDecision } from "./buffered-response.ts";
import { replayableHeaders, type CachedPage } from "./page-cache.ts";
import { contentTypeOf, type FinishedBody } from "./response-finisher.ts";

/**
 * What clears an answer: any comments event, or any poll event. Essays have no event: they change
 * only when the content is seeded again (a deploy), and their answers live out their maximum age.
 */
export type ReadScope = "comments" | "polls" | "essay";

/**
 * The queries whose signed-out answer is the same for every signed-out reader, by what changes
 * them. Only reads whose writers publish a live event belong here (or the 1 s age is the only bound).
 */
const cacheableProcedures: ReadonlyMap<string, ReadScope> = new Map([
  ["comments.list", "comments"],
  ["comments.paragraphCounts", "comments"],
  ["polls.results", "polls"],
  ["polls.breakdown", "polls"],
  ["essay.get", "essay"],
  ["essay.list", "essay"],
]);

const endpoint = "/api/trpc/";
/** The browser's client splits batches longer than this (components/providers/browser-clients.ts). */
const maxUrlLength = 2000;

export interface ReadRequest {
  key: string;
  scopes: ReadScope[];
}

/** The cache key and scopes of a request that may be answered from the cache, else null. */
export function readRequestOf(req: IncomingMessage): ReadRequest | null {
  if (req.method !== "GET") return null;
  const url = req.url;
  if (!url || !url.startsWith(endpoint) || url.length > maxUrlLength) return null;
  // Substring, not the exact names: it also catches the __Secure- prefix and chunked tokens (.0, .1).
  const cookie = req.headers.cookie;
  if (cookie !== undefined && /session-token/i.test(cookie)) return null;
  if (req.headers.authorization !== undefined) return null;
  // tRPC answers vary on these two (its Vary header): a streamed batch (JSON lines) is another
  // format, left to Next; httpBatchLink sends neither.
  if (req.headers["trpc-accept"] !== undefined || req.headers.accept?.includes("application/jsonl")) return null;

  const queryAt = url.indexOf("?");
  let path: string;
  try {
    path = decodeURIComponent(url.slice(endpoint.length, queryAt < 0 ? undefined : queryAt));
  } catch {
    return null;
  }
  const scopes = new Set<ReadScope>();
  for (const name of path.split(",")) {
    const scope = cacheableProcedures.get(name);
    if (!scope) return null;
    scopes.add(scope);
  }
  // The allowed answers do not depend on the interface language (only error messages do, and
  // errors are never kept); keyed by it all the same, so a translated field added later cannot
  // reach a reader of the other language.
  return { key: `${localeFromCookieHeader(cookie)} ${url}`, scopes: [...scopes] };
}

export interface ReadCacheOptions {
  /** How long an answer is served when no event clears it first. */
  maxAgeMs?: number;
  /** Caps, so that hostile query strings (each a distinct key) cannot grow memory. */
  maxEntries?: number;
  /**
   * Of uncompressed bodies; their compressed copies (kept with them, smaller) at most double it.
   * One answer over an eighth of it is not kept at all.
   */
  maxBodyBytes?: number;
}

interface Entry extends CachedPage {
  scopes: ReadScope[];
}

/** One render in flight: concurrent misses of its key wait for it instead of rendering too. */
interface Render {
  scopes: ReadScope[];
  done: Promise<void>;
  settle(): void;
}

/** What a miss's render reports to: keeps the answer, unless a clear happened since it began. */
export interface RenderTicket {
  store(key: string, res: ServerResponse, finished: FinishedBody): void;
  /** Call when the response is over (sent or abandoned): wakes the misses that waited for it. */
  end(): void;
}

export class ReadCache {
  /** In least-recently-used order: a hit moves its entry to the end, eviction takes the first. */
  private readonly entries = new Map<string, Entry>();
  private readonly renders = new Map<string, Render>();
  private readonly generations: Record<ReadScope, number> = { comments: 0, polls: 0, essay: 0 };
  private bodyBytes = 0;
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;
  private readonly maxBodyBytes: number;

  constructor(options: ReadCacheOptions = {}) {
    this.maxAgeMs = options.maxAgeMs ?? 1000;
    this.maxEntries = options.maxEntries ?? 1000;
    this.maxBodyBytes = options.maxBodyBytes ?? 32 * 1024 * 1024;
  }

  get size(): number {
    return this.entries.size;
  }

  lookup(key: string, now = Date.now()): CachedPage | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.expires <= now) {
      this.bodyBytes -= entry.finished.body.length;
      return null;
    }
    this.entries.set(key, entry);
    return entry;
  }

  /** The render of `key` in flight, if any: resolves when it is over (stored or not). */
  inFlight(key: string): Promise<void> | null {
    return this.renders.get(key)?.done ?? null;
  }

  /** Registers the render of a miss; its answer is kept only if no scope of it was cleared meanwhile. */
  begin(request: ReadRequest): RenderTicket {
    const started = request.scopes.map((scope) => this.generations[scope]);
    let settle!: () => void;
    const render: Render = { scopes: request.scopes, done: new Promise<void>((resolve) => (settle = resolve)), settle: () => settle() };
    this.renders.set(request.key, render);
    return {
      store: (key, res, finished) => {
        if (request.scopes.some((scope, index) => this.generations[scope] !== started[index])) return;
        this.store(key, res, finished, request.scopes);
      },
      end: () => {
        if (this.renders.get(request.key) === render) this.renders.delete(request.key);
        render.settle();
      },
    };
  }

  /** Forgets every answer of `scope`, and makes renders in flight for it not kept. */
  invalidate(scope: ReadScope): void {
    this.generations[scope] += 1;
    for (const [key, entry] of this.entries) {
      if (!entry.scopes.includes(scope)) continue;
      this.entries.delete(key);
      this.bodyBytes -= entry.finished.body.length;
    }
    // Misses waiting on a render that will not be kept start a fresh one now rather than after it.
    for (const [key, render] of this.renders) {
      if (!render.scopes.includes(scope)) continue;
      this.renders.delete(key);
      render.settle();
    }
  }

  private store(key: string, res: ServerResponse, finished: FinishedBody, scopes: ReadScope[]): void {
    if (res.statusCode !== 200 || res.hasHeader("set-cookie")) return;
    if (!contentTypeOf(res).startsWith("application/json")) return;
    const size = finished.body.length;
    if (size > this.maxBodyBytes / 8) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bodyBytes -= previous.finished.body.length;
    }
    while (this.entries.size > 0 && (this.entries.size >= this.maxEntries || this.bodyBytes + size > this.maxBodyBytes)) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.entries.delete(oldestKey);
      this.bodyBytes -= oldest.finished.body.length;
    }
    this.entries.set(key, { status: 200, headers: replayableHeaders(res), finished, expires: Date.now() + this.maxAgeMs, scopes });
    this.bodyBytes += size;
  }
}

/**
 * `decision` (response-finisher.ts) buffers JSON only when it will compress it; an answer that may
 * be kept is buffered whatever the encoding, so that its body can be stored.
 */
export function bufferingEveryAnswer(decision: BufferDecision): BufferDecision {
  return {
    shouldBuffer: (res) =>
      decision.shouldBuffer(res) || (res.statusCode === 200 && !res.hasHeader("content-encoding") && contentTypeOf(res).startsWith("application/json")),
    finish: (res, body) => decision.finish(res, body),
  };
}

/**
 * Wires `cache` to the live bus: a comments event (new, edited, removed, voted) clears every
 * comment read; a poll event (results changed, poll edited) clears every poll read. Coarser than
 * per essay or per poll, and correct without parsing inputs; under a write load the cache simply
 * holds less. Returns the function that stops it.
 */
export function clearReadsOnLiveEvents(cache: ReadCache, bus: Pick<LiveBus, "observe">): () => void {
  const stops = [bus.observe("comments", () => cache.invalidate("comments")), bus.observe("poll", () => cache.invalidate("polls"))];
  return () => stops.forEach((stop) => stop());
}
