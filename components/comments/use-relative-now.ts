"use client";
/**
 * The time a relative date ("3 分钟前") is worded against, renewed only when the words for `date`
 * would change (relative-time.ts), so a list of times does not re-render every second.
 */
import { useEffect, useState } from "react";
import { nextRelativeTimeChange } from "./relative-time.ts";

export function useRelativeNow(date: Date): Date {
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    const wait = nextRelativeTimeChange(date, now);
    if (wait === null) return;
    // A little after the change, so the new words are already due when the timer fires.
    const timer = window.setTimeout(() => setNow(new Date()), wait + 50);
    return () => window.clearTimeout(timer);
  }, [date, now]);

  return now;
}
