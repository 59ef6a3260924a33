/**
 * Comment counts: the section's total and each paragraph's count in the margin.
 *
 * There is no counter column, and COUNT(*) over an essay's visible comments reads every one of
 * them: ≈100 ms at 100,000 comments on PostgreSQL here, against a p99 budget of 30 ms for the
 * whole first page at 1,000 requests/s. So each process keeps each count and serves it while it
 * is under a second old; after that the next request still gets the kept count at once and starts
 * one refresh in the background (stale-while-revalidate). Only the very first request for a count
 * waits for the query, and however heavy the load there is at most one COUNT per count per second
 * per process. A write in this process marks the essay's counts stale, so the next read refreshes
 * them; a reader may thus see a count a moment old, which the live updates correct anyway.
 */
import type { Db } from "@/server/db/client.ts";
import { readerVisible } from "./rows.ts";

const freshForMs = 1_000;

interface Entry {
  value: unknown;
  at: number;
  refreshing: Promise<unknown> | null;
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
    if (now - entry.at >= freshForMs && !entry.refreshing) {
      entry.refreshing = load()
        .then((value) => Object.assign(entry, { value, at: Date.now() }))
        .catch((error: unknown) => console.error(`[comments] refreshing the ${name} count failed:`, error))
        .finally(() => (entry.refreshing = null));
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
      entries.set(name, { value, at: Date.now(), refreshing: null });
      return value;
    });
    waiting.set(key, first);
    void first.finally(() => waiting.delete(key)).catch(() => {});
  }
  return first;
}

/** After a write to the essay's comments in this process: the next read refreshes the counts. */
export function markCommentCountsStale(db: Db, essayId: string): void {
  for (const entry of caches.get(db)?.get(essayId)?.values() ?? []) entry.at = Number.NEGATIVE_INFINITY;
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
