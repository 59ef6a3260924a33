/**
 * The interface language of the request being handled by the auth route, for code next-auth
 * calls without the request (sendVerificationRequest writes the email in the reader's language).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { defaultLocale, type AppLocale } from "@/server/i18n/locales.ts";

const storage = new AsyncLocalStorage<AppLocale>();

export function runWithRequestLocale<T>(locale: AppLocale, fn: () => T): T {
  return storage.run(locale, fn);
}

export function currentRequestLocale(): AppLocale {
  return storage.getStore() ?? defaultLocale;
}
