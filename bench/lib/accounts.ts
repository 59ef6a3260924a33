/**
 * Readers for the bench, written straight into the database: users with known ids and, for those
 * the load generator signs in as, next-auth database sessions with known tokens. A request then
 * carries `Cookie: next-auth.session-token=<token>`, exactly what a signed-in browser sends on a
 * localhost (http) site; no sign-in flow runs during the load.
 */
import type { Db } from "@/server/db/client.ts";

/** The cookie next-auth v4 reads on an http site (server/auth/session-user.ts). */
const sessionCookieName = "next-auth.session-token";

export function benchUserId(prefix: string, n: number): string {
  return `${prefix}${n}`;
}

export function sessionTokenFor(userId: string): string {
  return `bench-session-${userId}`;
}

export function sessionCookieFor(userId: string): string {
  return `${sessionCookieName}=${sessionTokenFor(userId)}`;
}

/**
 * Users `<prefix>1` … `<prefix><count>`, each with a session valid for a day when `signedIn`.
 * One statement each, so that 50,000 readers take a second, not a minute.
 */
export async function seedBenchUsers(db: Db, options: { prefix: string; count: number; signedIn: boolean }): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(options.prefix)) throw new Error(`seedBenchUsers: bad prefix ${options.prefix}`);
  await db.$executeRawUnsafe(
    `INSERT INTO "User" (id, name, email, "createdAt", "updatedAt")
     SELECT $1::text || n, '读者 ' || $1::text || n, $1::text || n || '@bench.invalid', now() - interval '30 days', now()
     FROM generate_series(1, $2::int) AS n`,
    options.prefix,
    options.count,
  );
  if (!options.signedIn) return;
  await db.$executeRawUnsafe(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires)
     SELECT 'bench-s-' || $1::text || n, 'bench-session-' || $1::text || n, $1::text || n, now() + interval '1 day'
     FROM generate_series(1, $2::int) AS n`,
    options.prefix,
    options.count,
  );
}
