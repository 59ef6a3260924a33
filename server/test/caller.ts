/**
 * Calls tRPC procedures in tests as a given reader, through the same router, middlewares and
 * error formatter as HTTP requests, without a server.
 */
import { createCaller } from "@/server/api/root.ts";
import type { Context, RequestMeta } from "@/server/api/trpc.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import type { Role } from "@/server/db/generated/enums.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";

export interface TestCallerOptions {
  db: Db;
  /** The signed-in reader; omit or null for a signed-out visitor. */
  user?: SessionUser | null;
  /** Defaults as for a real request: the user's saved locale, else Chinese. */
  locale?: AppLocale;
  request?: Partial<RequestMeta>;
  responseHeaders?: Headers | null;
}

export function createTestContext(options: TestCallerOptions): Context {
  const user = options.user ?? null;
  return {
    db: options.db,
    user,
    locale: options.locale ?? user?.locale ?? "zh",
    request: { ip: "127.0.0.1", userAgent: "vitest", ...options.request },
    responseHeaders: options.responseHeaders ?? null,
  };
}

export function createTestCaller(options: TestCallerOptions) {
  return createCaller(createTestContext(options));
}

let userCount = 0;

/** Inserts a user and returns it as the session sees it, ready for createTestCaller({ user }). */
export async function createTestUser(
  db: Db,
  fields: { email?: string; name?: string | null; role?: Role; locale?: AppLocale | null } = {},
): Promise<SessionUser> {
  userCount += 1;
  return db.user.create({
    data: {
      email: fields.email ?? `reader${userCount}-${Date.now()}@example.test`,
      name: fields.name === undefined ? `Reader ${userCount}` : fields.name,
      role: fields.role ?? "USER",
      locale: fields.locale ?? null,
    },
    select: { id: true, name: true, email: true, role: true, locale: true },
  });
}
