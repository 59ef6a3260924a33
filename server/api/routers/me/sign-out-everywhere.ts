/**
 * me.signOutEverywhere: every session of the reader ends, on every app server at once
 * (server/auth/session-changes.ts), and this browser's cookie is cleared with it.
 */
import type { Context } from "@/server/api/trpc.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import { sessionCookieNames } from "@/server/auth/session-user.ts";
import { endAllSessions } from "@/server/auth/session-changes.ts";
import { sessionCookieHeader } from "@/server/auth/session-lifetime.ts";
import { getLiveBus } from "@/server/live/process-bus.ts";

export async function signOutEverywhere(ctx: Context & { user: SessionUser }): Promise<{ ended: number }> {
  const ended = await endAllSessions(ctx.db, getLiveBus(), ctx.user.id);
  // The row is gone, so the cookie already signs in no one; clearing it spares a lookup per request.
  for (const name of sessionCookieNames) ctx.responseHeaders?.append("Set-Cookie", sessionCookieHeader(name, "", new Date(0)));
  return { ended };
}
