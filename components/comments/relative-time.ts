/**
 * How old a comment is, in words a reader takes in at a glance: "刚刚 / just now" under a minute,
 * then minutes, hours and days ("3 分钟前"), and the date itself after a week, when "23 天前"
 * would make the reader count. The exact time is always in the element's title.
 */

export type RelativeTimeUnit = "minute" | "hour" | "day";

export type RelativeTimeChoice =
  | { kind: "justNow" }
  | { kind: "relative"; value: number; unit: RelativeTimeUnit }
  | { kind: "date"; sameYear: boolean };

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export function relativeTimeChoice(date: Date, now: Date): RelativeTimeChoice {
  // A clock a little ahead of ours (the server's) must not say "in 2 minutes".
  const age = Math.max(0, now.getTime() - date.getTime());
  if (age < minute) return { kind: "justNow" };
  if (age < hour) return { kind: "relative", value: -Math.floor(age / minute), unit: "minute" };
  if (age < day) return { kind: "relative", value: -Math.floor(age / hour), unit: "hour" };
  if (age < 7 * day) return { kind: "relative", value: -Math.floor(age / day), unit: "day" };
  return { kind: "date", sameYear: date.getFullYear() === now.getFullYear() };
}

/** How long until the words change: re-render then, not every second. */
export function nextRelativeTimeChange(date: Date, now: Date): number | null {
  const age = Math.max(0, now.getTime() - date.getTime());
  if (age < hour) return minute - (age % minute);
  if (age < day) return hour - (age % hour);
  if (age < 7 * day) return day - (age % day);
  return null;
}
