"use client";
/**
 * Live poll results: while a poll card is on the page, refetch its results whenever the server
 * says they changed (the poll channel of the tab's one live connection). The poll appears twice
 * on the essay page; both cards share one query, so they share one listener too (counted by
 * holder) and one refetch per ping.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { subscribeLive } from "./live-connection.ts";

interface SharedListener {
  holders: number;
  stop(): void;
}

const listeners = new Map<string, SharedListener>();

export function usePollLiveResults(pollId: string): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  useEffect(() => {
    let shared = listeners.get(pollId);
    if (!shared) {
      // polls.results applies the results visibility for this reader; the event carries no counts.
      const stop = subscribeLive({ kind: "poll", pollId }, () => void queryClient.invalidateQueries(trpc.polls.results.queryFilter({ pollId })));
      shared = { holders: 0, stop };
      listeners.set(pollId, shared);
    }
    const held = shared;
    held.holders += 1;
    return () => {
      held.holders -= 1;
      if (held.holders === 0) {
        held.stop();
        if (listeners.get(pollId) === held) listeners.delete(pollId);
      }
    };
  }, [pollId, trpc, queryClient]);
}
