"use client";
/**
 * "刚刚 / 3 分钟前 / 3 minutes ago" in the reader's language (next-intl), with the exact time in
 * the title and dateTime. Re-renders only when the words would change (relative-time.ts).
 */
import { useFormatter, useTranslations } from "next-intl";
import { relativeTimeChoice } from "./relative-time.ts";
import { useRelativeNow } from "./use-relative-now.ts";

export function CommentTime({ date }: { date: Date }) {
  const format = useFormatter();
  const t = useTranslations("comments.time");
  const now = useRelativeNow(date);

  const choice = relativeTimeChoice(date, now);
  const words =
    choice.kind === "justNow"
      ? t("justNow")
      : choice.kind === "relative"
        ? format.relativeTime(date, { now, unit: choice.unit })
        : format.dateTime(date, choice.sameYear ? { month: "short", day: "numeric" } : { year: "numeric", month: "short", day: "numeric" });
  const exact = format.dateTime(date, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });

  return (
    <time dateTime={date.toISOString()} title={exact} data-testid="comment-time">
      {words}
    </time>
  );
}
