/**
 * Who is asking: the signed-in user behind a request, read from next-auth's database session.
 *
 * Read straight from the Session table (one indexed query) rather than through getServerSession,
 * so that tRPC context creation does not depend on Next.js request scope and tests can use it.
 */
import type { Db } from "@/server/db/client.ts";
import type { Role, Locale } from "@/server/db/generated/enums.ts";
import { cachedSession, refreshSessionsIfDue, rememberSessionUser, sessionCacheGeneration, type FoundSessions } from "./session-cache.ts";

export interface SessionUser {
  id: string;
  name: string | null;
  email: string | null;
  role: Role;
  locale: Locale | null;
}

/** next-auth v4 cookie names: the secure prefix is used when the site is served over https. */
export const sessionCookieNames = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

// Compiled once: this runs on every request.
const sessionCookiePatterns = sessionCookieNames.map((name) => new RegExp(`(?:^|;\\s*)${name.replace(/[.]/g, "\\.")}=([^;]+)`));

/** The session cookie a request carries: its name (which of the two) and the token. */
export function sessionCookieFromHeader(cookieHeader: string | null | undefined): { name: string; token: string } | null {
  if (!cookieHeader) return null;
  for (const [index, pattern] of sessionCookiePatterns.entries()) {
    const match = pattern.exec(cookieHeader);
    if (match?.[1]) return { name: sessionCookieNames[index]!, token: decodeURIComponent(match[1]) };
  }
  return null;
}

export function sessionTokenFromCookieHeader(cookieHeader: string | null | undefined): string | null {
  return sessionCookieFromHeader(cookieHeader)?.token ?? null;
}

interface SessionRow extends SessionUser {
  sessionToken: string;
  expires: Date;
}

/**
 * The sessions behind `tokens` with their users, in one statement: through the client's relation
 * select, Prisma sends the Session and the User read as two, and a signed-in request whose session
 * is not kept (every first request of a reader) paid both round trips.
 */
async function readSessions(db: Db, tokens: string[]): Promise<FoundSessions> {
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s."sessionToken", s.expires, u.id, u.name, u.email, u.role::text AS role, u.locale::text AS locale
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s."sessionToken" = ANY(${tokens}::text[])`;
  return new Map(
    rows.map(({ sessionToken, expires, ...user }) => [sessionToken, { user, expiresAt: new Date(expires).getTime() }]),
  );
}

/** Kept for a few seconds per process, invalidated here on sign-out and role changes (session-cache.ts). */
export async function sessionUserFromToken(db: Db, sessionToken: string | null, now: number = Date.now()): Promise<SessionUser | null> {
  return (await sessionFromToken(db, sessionToken, now))?.user ?? null;
}

/** The reader and when their session expires (ms since epoch): for renewing it (session-lifetime.ts). */
export async function sessionFromToken(
  db: Db,
  sessionToken: string | null,
  now: number = Date.now(),
): Promise<{ user: SessionUser; expiresAt: number } | null> {
  if (!sessionToken || sessionToken.length > 512) return null;
  const cached = cachedSession(db, sessionToken, now);
  if (cached) {
    refreshSessionsAhead(db, now);
    return cached;
  }
  const generation = sessionCacheGeneration(db);
  const session = (await readSessions(db, [sessionToken])).get(sessionToken);
  if (!session || session.expiresAt <= now) return null;
  rememberSessionUser(db, sessionToken, session.user, session.expiresAt, now, generation);
  return session;
}

/**
 * Re-reads, in one query and in the background, every kept session that is in use and half its
 * time old (session-cache.ts), so that active readers do not each pay a lookup when it runs out.
 * At most one such query per second per database; the request that triggers it does not wait.
 */
function refreshSessionsAhead(db: Db, now: number): void {
  refreshSessionsIfDue(db, now, (tokens) =>
    readSessions(db, tokens).catch((error: unknown) => {
      console.error("[auth] re-reading sessions failed (each is read again when it runs out):", error);
      return null;
    }),
  );
}
