/**
 * Signed-in readers by session token, kept per process for a few seconds: every signed-in request
 * (a vote, a comment, a page of comments) starts by resolving its cookie, and at hundreds of writes
 * a second the Session ⋈ User lookup was one of the statements each of them waited for.
 *
 * How fresh is fresh enough:
 * - in this process, nothing is ever served stale: signing out (next-auth's deleteSession, through
 *   server/auth/adapter.ts), a role change (server/db/roles.ts, the ADMIN_EMAILS grant) and a
 *   change of name or language (me.update) forget the token or the user at once;
 * - in another app server on the same PostgreSQL, or after `npm run role` (its own process), a
 *   revoked session or an old role can be served for at most `sessionCacheTtlMs` (5 s) after the
 *   change, counted from when this process last read it; that bound is the whole cost;
 * - an entry never outlives its session's own expiry.
 * Misses (unknown or expired tokens) are not kept: a freshly created session is seen at once.
 */
import type { Db } from "@/server/db/client.ts";
import type { SessionUser } from "./session-user.ts";

/** The longest another process's sign-out or role change can go unseen here. */
export const sessionCacheTtlMs = 5_000;
/** Oldest entries are dropped beyond this many tokens per database (a bounded memory cost). */
const maxEntries = 10_000;

interface Entry {
  user: SessionUser;
  /** When the session itself expires (ms since epoch). */
  expiresAt: number;
  /** When this entry stops being served (ms since epoch). */
  staleAt: number;
}

// Per database handle (tests open several), so one database's sessions never answer for another's.
// On globalThis, like the live bus (server/live/process-bus.ts): Next.js bundles the sign-out route
// and the tRPC route into separate chunks, each with its own copy of this module, and a sign-out
// must clear the one copy every route reads.
const globalForSessions = globalThis as typeof globalThis & { __tuiquanSessionCache?: WeakMap<Db, Map<string, Entry>> };
const caches = (globalForSessions.__tuiquanSessionCache ??= new WeakMap());

function cacheOf(db: Db): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

export function cachedSessionUser(db: Db, token: string, now: number): SessionUser | undefined {
  const cache = caches.get(db);
  const entry = cache?.get(token);
  if (!entry) return undefined;
  if (now >= entry.staleAt || now >= entry.expiresAt) {
    cache!.delete(token);
    return undefined;
  }
  return entry.user;
}

export function rememberSessionUser(db: Db, token: string, user: SessionUser, expiresAt: number, now: number): void {
  const cache = cacheOf(db);
  cache.delete(token); // re-inserted last: Map order is age order for the eviction below
  cache.set(token, { user, expiresAt, staleAt: now + sessionCacheTtlMs });
  if (cache.size > maxEntries) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
}

/** After sign-out: the token is refused by the very next request. */
export function forgetSessionToken(db: Db, token: string): void {
  caches.get(db)?.delete(token);
}

/** After a change to the user (role, name, language): every session of theirs is read again. */
export function forgetSessionsOfUser(db: Db, userId: string): void {
  const cache = caches.get(db);
  if (!cache) return;
  for (const [token, entry] of cache) if (entry.user.id === userId) cache.delete(token);
}
