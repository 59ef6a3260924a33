/**
 * tRPC for server components of per-reader pages (/account, /notifications): procedures called
 * directly as the signed-in reader of this request, or null when nobody is signed in. Such pages
 * are dynamic anyway (they read the session cookie); the essay pages use getServerCaller instead.
 */
import "server-only";
import { cache } from "react";
import { getCurrentUser } from "@/server/auth/current-user.ts";
import { getDb } from "@/server/db/index.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { createCaller } from "./root.ts";

export const getReaderCaller = cache(async (locale: AppLocale) => {
  const user = await getCurrentUser();
  if (!user) return null;
  const caller = createCaller({ db: await getDb(), user, locale, request: { ip: null, userAgent: null }, responseHeaders: null });
  return { user, caller };
});
