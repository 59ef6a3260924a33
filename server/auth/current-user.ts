/**
 * The signed-in reader for server components of per-reader pages (/account, /signin), read the
 * same way tRPC reads it (server/auth/session-user.ts), once per request.
 */
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { getDb } from "@/server/db/index.ts";
import { sessionTokenFromCookieHeader, sessionUserFromToken, type SessionUser } from "./session-user.ts";

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = sessionTokenFromCookieHeader((await headers()).get("cookie"));
  if (!token) return null;
  return sessionUserFromToken(await getDb(), token);
});
