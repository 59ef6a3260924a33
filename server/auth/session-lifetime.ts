/**
 * How long a session lives: it slides. Each use renews it (at most once a day), and it ends after
 * `sessionMaxAgeSeconds` without use — 30 days, so a reader who comes back weekly never signs in
 * again, while a forgotten session on a shared computer does not live for ever. These are
 * next-auth's `maxAge`/`updateAge` for database sessions (options.ts), applied here because the app
 * reads sessions itself (session-user.ts) instead of through next-auth's /api/auth/session,
 * the only place next-auth renews them.
 *
 * The cookie must slide with the row: next-auth gave it the same 30-day expiry at sign-in, so a
 * renewal also re-sends it (sessionCookieHeader), on the tRPC answer that noticed it was due
 * (server/api/trpc.ts) — every page a signed-in reader opens asks tRPC for their own data.
 */
import type { Db } from "@/server/db/client.ts";

const daySeconds = 24 * 60 * 60;
/** A session ends after this long without use (next-auth's session.maxAge). */
export const sessionMaxAgeSeconds = 30 * daySeconds;
/** A used session is renewed to a full `sessionMaxAgeSeconds` at most this often (session.updateAge). */
export const sessionUpdateAgeSeconds = daySeconds;

/** Renewed last more than `sessionUpdateAgeSeconds` ago (its expiry is that much short of a full one). */
export function isRenewalDue(expiresAt: number, now: number): boolean {
  return expiresAt - sessionMaxAgeSeconds * 1000 + sessionUpdateAgeSeconds * 1000 <= now;
}

/**
 * Moves the session's expiry to a full lifetime from `now`; null when the session is gone (signed
 * out meanwhile: nothing to renew, no cookie to send). Never shortens it (two renewals at once).
 */
export async function renewSession(db: Db, sessionToken: string, now: number): Promise<Date | null> {
  const expires = new Date(now + sessionMaxAgeSeconds * 1000);
  const rows = await db.$queryRaw<{ expires: Date }[]>`
    UPDATE "Session" SET expires = GREATEST(expires, ${expires}) WHERE "sessionToken" = ${sessionToken} RETURNING expires`;
  const row = rows[0];
  return row ? new Date(row.expires) : null;
}

/**
 * A Set-Cookie for the session cookie `cookieName`, with the attributes next-auth gives it (path /,
 * HttpOnly, SameSite=Lax; Secure with the __Secure- prefix, which browsers require of it): the
 * renewed cookie (`expires` a full lifetime away), or a cleared one (value "", `expires` in 1970).
 * One line, so not worth a cookie library.
 */
export function sessionCookieHeader(cookieName: string, sessionToken: string, expires: Date): string {
  const secure = cookieName.startsWith("__Secure-") ? "; Secure" : "";
  return `${cookieName}=${encodeURIComponent(sessionToken)}; Path=/; Expires=${expires.toUTCString()}; HttpOnly; SameSite=Lax${secure}`;
}
