/**
 * Comment counts: the section's total and each paragraph's count in the margin.
 *
 * There is no counter column, and COUNT(*) over an essay's visible comments reads every one of
 * them: ≈100 ms at 100,000 comments on PostgreSQL here, against a p99 budget of 30 ms for the
 * whole first page at 1,000 requests/s. So each process keeps each count and serves it while it
 * is under a second old. Between one and ten seconds old, a request still gets the kept count at
 * once and starts one refresh in the background (stale-while-revalidate): under steady traffic
 * there is at most one COUNT per count per second per process and no request waits. Older than
 * that (a quiet page) the request waits for the refresh, so a reader arriving after a lull never
 * sees an old number. A write in this process schedules a refresh: at once when the last one is a
 * second old, else when it will be. However many comments a second are written, each count is
 * then read at most once a second (at 300 writes a second, refreshing on every write kept a
 * 100 ms COUNT running without pause and took a whole core from PostgreSQL), and a write shows
 * in the counts within about a second.
 */
import type { Db } from "@/server/db/client.ts";
import { readerVisible } from "./rows.ts";

const freshForMs = 1_000;
/** Older than this, a kept count is not served: the request waits for the refresh. */
const servableForMs = 10_000;
/** A write's refresh waits until the last refresh is this old. */
const minRefreshGapMs = 1_000;

interface Entry {
  value: unknown;
  at: number;
  refreshing: Promise<unknown> | null;
  load: () => Promise<unknown>;
  /** A write happened after the kept value's query started. */
  dirty: boolean;
  /** The refresh a write scheduled, while it waits. */
  timer: NodeJS.Timeout | null;
}

function refresh(entry: Entry, name: string): Promise<unknown> {
  if (entry.refreshing) return entry.refreshing;
  entry.dirty = false;
  entry.refreshing = entry
    .load()
    .then((value) => Object.assign(entry, { value, at: Date.now() }))
    .catch((error: unknown) => console.error(`[comments] refreshing the ${name} count failed:`, error))
    .finally(() => {
      entry.refreshing = null;
      // Written to while this query ran: it may have missed that write.
      if (entry.dirty) scheduleRefresh(entry, name);
    });
  return entry.refreshing;
}

/** Refreshes once the last refresh is a second old (at once if it already is); one wait at a time. */
function scheduleRefresh(entry: Entry, name: string): void {
  if (entry.timer) return;
  const wait = Math.max(0, entry.at + minRefreshGapMs - Date.now());
  entry.timer = setTimeout(() => {
    entry.timer = null;
    if (entry.dirty) void refresh(entry, name);
  }, wait);
  entry.timer.unref();
}

// Per database handle (tests open several), then per essay, then per count.
const caches = new WeakMap<Db, Map<string, Map<string, Entry>>>();
const pending = new WeakMap<Db, Map<string, Promise<unknown>>>();

function entriesFor(db: Db, essayId: string): Map<string, Entry> {
  let byEssay = caches.get(db);
  if (!byEssay) caches.set(db, (byEssay = new Map()));
  let entries = byEssay.get(essayId);
  if (!entries) byEssay.set(essayId, (entries = new Map()));
  return entries;
}

async function cached<T>(db: Db, essayId: string, name: string, now: number, load: () => Promise<T>): Promise<T> {
  const entries = entriesFor(db, essayId);
  const entry = entries.get(name);
  if (entry) {
    const age = now - entry.at;
    if (age >= freshForMs) {
      const refreshing = refresh(entry, name);
      if (age >= servableForMs) await refreshing;
    }
    return entry.value as T;
  }
  // The first request for a count waits for it; requests arriving meanwhile share the one query.
  let waiting = pending.get(db);
  if (!waiting) pending.set(db, (waiting = new Map()));
  const key = `${essayId}\u0000${name}`;
  let first = waiting.get(key) as Promise<T> | undefined;
  if (!first) {
    first = load().then((value) => {
      entries.set(name, { value, at: Date.now(), refreshing: null, load, dirty: false, timer: null });
      return value;
    });
    waiting.set(key, first);
    void first.finally(() => waiting.delete(key)).catch(() => {});
  }
  return first;
}

/** After a write to the essay's comments in this process: refresh its counts within a second. */
export function markCommentCountsStale(db: Db, essayId: string): void {
  for (const [name, entry] of caches.get(db)?.get(essayId) ?? []) {
    entry.dirty = true;
    scheduleRefresh(entry, name);
  }
}

/** Drops the essay's counts, so the next read waits for exact ones (tests that seed rows directly). */
export function forgetCommentCounts(db: Db, essayId: string): void {
  caches.get(db)?.delete(essayId);
}

/**
 * Visible comments (tombstones holding replies included) on the essay, or in the threads about
 * one paragraph: a paragraph comment's replies do not repeat its key, so they are found by rootId.
 */
export function visibleCommentCount(db: Db, essayId: string, paragraphKey: string | null, now = Date.now()): Promise<number> {
  return cached(db, essayId, `total:${paragraphKey ?? ""}`, now, async () => {
    const rows =
      paragraphKey === null
        ? await db.$queryRaw<{ count: number }[]>`
            SELECT count(*)::int AS count FROM "Comment" c WHERE c."essayId" = ${essayId} AND ${readerVisible}`
        : await db.$queryRaw<{ count: number }[]>`
            SELECT count(*)::int AS count FROM "Comment" root
            JOIN "Comment" c ON c."rootId" = root.id
            WHERE root."essayId" = ${essayId} AND root."parentId" IS NULL AND root."paragraphKey" = ${paragraphKey} AND ${readerVisible}`;
    return rows[0]?.count ?? 0;
  });
}

/** Per paragraph key, the visible comments of the threads about it (only keys with at least one). */
export function paragraphCommentCounts(db: Db, essayId: string, now = Date.now()): Promise<Record<string, number>> {
  return cached(db, essayId, "paragraphs", now, async () => {
    const rows = await db.$queryRaw<{ key: string; count: number }[]>`
      SELECT root."paragraphKey" AS key, count(*)::int AS count FROM "Comment" root
      JOIN "Comment" c ON c."rootId" = root.id
      WHERE root."essayId" = ${essayId} AND root."parentId" IS NULL AND root."paragraphKey" IS NOT NULL AND ${readerVisible}
      GROUP BY root."paragraphKey"`;
    return Object.fromEntries(rows.map((row) => [row.key, row.count]));
  });
}
