"use client";
/**
 * A component's live channel on the tab's one connection (live-connection.ts): `listener` runs
 * for each event while the component is mounted and `interest` is not null. The listener may
 * change on every render without resubscribing.
 */
import { useEffect, useRef } from "react";
import { subscribeLive, type LiveEventOf, type LiveInterest } from "./live-connection.ts";

export function useLive<I extends LiveInterest>(interest: I | null, listener: (event: LiveEventOf<I>) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });

  // The interest as primitives, so a new object with the same channel keeps the subscription.
  const kind = interest?.kind ?? null;
  const slug = interest?.kind === "comments" ? interest.slug : null;
  const pollId = interest?.kind === "poll" ? interest.pollId : null;
  useEffect(() => {
    const current: LiveInterest | null =
      kind === "comments" && slug !== null ? { kind, slug } : kind === "poll" && pollId !== null ? { kind, pollId } : kind === "notifications" ? { kind } : null;
    if (!current) return;
    return subscribeLive(current, (event) => latest.current(event as LiveEventOf<I>));
  }, [kind, slug, pollId]);
}
