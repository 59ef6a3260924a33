"use client";
/**
 * Casts, once, the vote a signed-out reader chose before signing in (`?vote=<pollKey>:<optionKey>`
 * on the URL sign-in returned to), then removes the parameter so a reload does not cast it again.
 */
import { useEffect, useRef } from "react";
import { pendingVoteParam, readPendingVote, type PollDefinition } from "./poll-definition.ts";

/** Shared by every card of the page: a poll shown twice replays its vote once. */
const replayed = new Set<string>();

export function usePendingVote(poll: PollDefinition, signedIn: boolean, cast: (optionId: string) => void): void {
  const castRef = useRef(cast);
  castRef.current = cast;

  useEffect(() => {
    if (!signedIn || replayed.has(poll.key)) return;
    const optionKey = readPendingVote(window.location.search, poll.key);
    if (!optionKey) return;
    replayed.add(poll.key);
    const url = new URL(window.location.href);
    url.searchParams.delete(pendingVoteParam);
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
    const option = poll.options.find((candidate) => candidate.key === optionKey);
    if (option) castRef.current(option.id);
  }, [poll, signedIn]);
}
