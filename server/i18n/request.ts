/**
 * next-intl's request configuration: the locale comes from the [locale] route segment (set per
 * page with setRequestLocale so pages render statically), never from cookies or headers, so the
 * essay page is the same bytes for every reader of a language.
 */
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "@/messages/index.ts";
import { defaultLocale, isLocale } from "./locales.ts";

/** Dates are shown in the publisher's time zone, so a date never shifts by a day between servers. */
export const timeZone = "Asia/Shanghai";

export default getRequestConfig(async ({ requestLocale, locale: explicit }) => {
  const requested = explicit ?? (await requestLocale);
  const locale = isLocale(requested) ? requested : defaultLocale;
  return { locale, messages: loadMessages(locale), timeZone };
});
