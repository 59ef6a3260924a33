/**
 * Signed-in readers by session token, kept per process for a few seconds: every signed-in request
 * (a vote, a comment, a page of comments) starts by resolving its cookie, and at hundreds of writes
 * a second the Session ⋈ User lookup was one of the statements each of them waited for.
 *
 * How fresh is fresh enough:
 * - in this process, nothing is ever served stale: signing out (next-auth's deleteSession, through
 *   server/auth/adapter.ts), a role change (server/db/roles.ts, the ADMIN_EMAILS grant) and a
 *   change of name or language (me.update) forget the token or the user at once, and a read that
 *   was in flight meanwhile is not kept (it may predate the change);
 * - in another app server on the same PostgreSQL: "sign out everywhere" and role changes are
 *   announced on the live bus and forgotten there as the announcement arrives (session-changes.ts);
 *   anything else (one session's sign-out, a new name), or an announcement a server missed, can be
 *   served for at most `sessionCacheTtlMs` (5 s) after the change, counted from when this process
 *   last read it; that bound is the whole cost;
 * - an entry never outlives its session's own expiry.
 * Misses (unknown or expired tokens) are not kept: a freshly created session is seen at once.
 *
 * Re-reading ahead: a token used again once its entry is half its age is read again in the
 * background, together with every other such token, in one query at most once a second
 * (session-user.ts). So a reader who keeps acting is re-read in a batch instead of each request
 * after the 5 s paying its own lookup (with 1,000 active readers that was 200 lookups a second). A
 * re-read entry is as fresh as the moment that query was sent: the bound above is unchanged.
 */
import type { Db } from "@/server/db/client.ts";
import type { SessionUser } from "./session-user.ts";

/** The longest another process's sign-out or role change can go unseen here. */
export const sessionCacheTtlMs = 5_000;
/** Entries used at least this long after their read are re-read ahead, in a batch. */
const refreshAfterMs = sessionCacheTtlMs / 2;
/** At most one batch re-read per database this often (it collects every token due). */
export const sessionRefreshEveryMs = 1_000;
/** The most tokens one batch re-reads (the rest wait for the next batch, or are read when they run out). */
const maxRefreshBatch = 2_000;
/** Oldest entries are dropped beyond this many tokens per database (a bounded memory cost). */
const maxEntries = 10_000;

interface Entry {
  user: SessionUser;
  /** When the session itself expires (ms since epoch). */
  expiresAt: number;
  /** When the read behind this entry was sent (ms since epoch). */
  readAt: number;
  /** When this entry stops being served (ms since epoch). */
  staleAt: number;
  /** Served since it was read: worth re-reading ahead. */
  used: boolean;
}

interface SessionCache {
  entries: Map<string, Entry>;
  /** Bumped by every forget: a read begun under an older generation is not kept. */
  generation: number;
  /** When the last batch re-read was considered, and the one in flight. */
  lastRefreshAt: number;
  refreshing: Promise<void> | null;
}

// Per database handle (tests open several), so one database's sessions never answer for another's.
// On globalThis, like the live bus (server/live/process-bus.ts): Next.js bundles the sign-out route
// and the tRPC route into separate chunks, each with its own copy of this module, and a sign-out
// must clear the one copy every route reads.
const globalForSessions = globalThis as typeof globalThis & { __tuiquanSessionCacheV2?: WeakMap<Db, SessionCache> };
const caches = (globalForSessions.__tuiquanSessionCacheV2 ??= new WeakMap());

function cacheOf(db: Db): SessionCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { entries: new Map(), generation: 0, lastRefreshAt: Number.NEGATIVE_INFINITY, refreshing: null }));
  return cache;
}

/** The kept reader and when their session expires (ms since epoch), unless stale. */
export function cachedSession(db: Db, token: string, now: number): { user: SessionUser; expiresAt: number } | undefined {
  const entries = caches.get(db)?.entries;
  const entry = entries?.get(token);
  if (!entry) return undefined;
  if (now >= entry.staleAt || now >= entry.expiresAt) {
    entries!.delete(token);
    return undefined;
  }
  entry.used = true;
  return entry;
}

/** After a renewal (session-lifetime.ts): the kept entry knows the later expiry. */
export function extendCachedSession(db: Db, token: string, expiresAt: number): void {
  const entry = caches.get(db)?.entries.get(token);
  if (entry && entry.expiresAt < expiresAt) entry.expiresAt = expiresAt;
}

/** Taken before a read; the read is kept only if nothing was forgotten meanwhile. */
export function sessionCacheGeneration(db: Db): number {
  return cacheOf(db).generation;
}

/** Keeps what a read sent at `readAt` found, unless a forget happened since `generation`. */
export function rememberSessionUser(db: Db, token: string, user: SessionUser, expiresAt: number, readAt: number, generation: number): void {
  const cache = cacheOf(db);
  if (cache.generation !== generation) return;
  const entries = cache.entries;
  if ((entries.get(token)?.readAt ?? Number.NEGATIVE_INFINITY) > readAt) return; // a later read got there first
  entries.delete(token); // re-inserted last: Map order is age order for the eviction below
  entries.set(token, { user, expiresAt, readAt, staleAt: readAt + sessionCacheTtlMs, used: false });
  if (entries.size > maxEntries) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
}

export type FoundSessions = Map<string, { user: SessionUser; expiresAt: number }>;

/**
 * Starts a batch re-read when one is due (none in flight, none begun in the last second, some
 * token due): `read` gets the tokens and resolves to the sessions it found, or null when it
 * failed (the entries then simply age out as they would have). Found sessions are kept afresh,
 * the others (signed out or expired elsewhere) forgotten; nothing is kept if a forget happened
 * meanwhile. The caller does not wait for it.
 */
export function refreshSessionsIfDue(db: Db, now: number, read: (tokens: string[]) => Promise<FoundSessions | null>): void {
  const cache = caches.get(db);
  if (!cache || cache.refreshing || now - cache.lastRefreshAt < sessionRefreshEveryMs) return;
  cache.lastRefreshAt = now;
  const tokens: string[] = [];
  for (const [token, entry] of cache.entries) {
    if (entry.used && now - entry.readAt >= refreshAfterMs && now < entry.staleAt) tokens.push(token);
    if (tokens.length === maxRefreshBatch) break;
  }
  if (tokens.length === 0) return;
  const generation = cache.generation;
  cache.refreshing = read(tokens)
    .then((found) => {
      if (!found) return;
      for (const token of tokens) {
        const session = found.get(token);
        if (session && session.expiresAt > now) rememberSessionUser(db, token, session.user, session.expiresAt, now, generation);
        else if (cache.generation === generation) cache.entries.delete(token);
      }
    })
    .catch((error: unknown) => console.error("[auth] applying re-read sessions failed:", error))
    .finally(() => {
      cache.refreshing = null;
    });
}

/** Resolves once the batch re-read in flight, if any, is applied (tests; nothing waits for it otherwise). */
export async function sessionRefreshSettled(db: Db): Promise<void> {
  await caches.get(db)?.refreshing;
}

/** After sign-out: the token is refused by the very next request. */
export function forgetSessionToken(db: Db, token: string): void {
  const cache = cacheOf(db);
  cache.generation += 1;
  cache.entries.delete(token);
}

/** After a change to the user (role, name, language): every session of theirs is read again. */
export function forgetSessionsOfUser(db: Db, userId: string): void {
  const cache = cacheOf(db);
  cache.generation += 1;
  for (const [token, entry] of cache.entries) if (entry.user.id === userId) cache.entries.delete(token);
}
