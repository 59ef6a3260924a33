"use client";
/**
 * How long ago a notification came ("3 分钟前 / 3 minutes ago", a date after a week), with the
 * exact time in the title. Uses the browser's Intl directly: the header island has no next-intl
 * provider. The wording rules are the comments' (components/comments/relative-time.ts).
 */
import { relativeTimeChoice } from "@/components/comments/relative-time.ts";
import { useRelativeNow } from "@/components/comments/use-relative-now.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";

const intlLocale = (locale: AppLocale) => (locale === "zh" ? "zh-CN" : "en");

export function NotificationTime({ date, locale, justNow }: { date: Date; locale: AppLocale; justNow: string }) {
  const now = useRelativeNow(date);

  const choice = relativeTimeChoice(date, now);
  const words =
    choice.kind === "justNow"
      ? justNow
      : choice.kind === "relative"
        ? new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: "auto" }).format(choice.value, choice.unit)
        : new Intl.DateTimeFormat(intlLocale(locale), choice.sameYear ? { month: "short", day: "numeric" } : { dateStyle: "medium" }).format(date);
  const exact = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeStyle: "short" }).format(date);

  return (
    <time dateTime={date.toISOString()} title={exact} suppressHydrationWarning>
      {words}
    </time>
  );
}
