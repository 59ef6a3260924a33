/**
 * Who is asking: the signed-in user behind a request, read from next-auth's database session.
 *
 * Read straight from the Session table (one indexed query) rather than through getServerSession,
 * so that tRPC context creation does not depend on Next.js request scope and tests can use it.
 */
import type { Db } from "@/server/db/client.ts";
import type { Role, Locale } from "@/server/db/generated/enums.ts";
import { cachedSessionUser, rememberSessionUser } from "./session-cache.ts";

export interface SessionUser {
  id: string;
  name: string | null;
  email: string | null;
  role: Role;
  locale: Locale | null;
}

/** next-auth v4 cookie names: the secure prefix is used when the site is served over https. */
export const sessionCookieNames = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

export function sessionTokenFromCookieHeader(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const name of sessionCookieNames) {
    const match = new RegExp(`(?:^|;\\s*)${name.replace(/[.]/g, "\\.")}=([^;]+)`).exec(cookieHeader);
    if (match?.[1]) return decodeURIComponent(match[1]);
  }
  return null;
}

/** Kept for a few seconds per process, invalidated here on sign-out and role changes (session-cache.ts). */
export async function sessionUserFromToken(db: Db, sessionToken: string | null, now: number = Date.now()): Promise<SessionUser | null> {
  if (!sessionToken || sessionToken.length > 512) return null;
  const cached = cachedSessionUser(db, sessionToken, now);
  if (cached) return cached;
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: {
      expires: true,
      user: { select: { id: true, name: true, email: true, role: true, locale: true } },
    },
  });
  if (!session || session.expires.getTime() <= now) return null;
  rememberSessionUser(db, sessionToken, session.user, session.expires.getTime(), now);
  return session.user;
}
