"use client";
/**
 * Live poll results: while a poll card is on the page, refetch its results whenever the server
 * says they changed (live.poll). The poll appears twice on the essay page; both cards share one
 * query, so they share one subscription too (counted by holder) and stay in sync.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc.ts";

interface SharedSubscription {
  holders: number;
  stop(): void;
}

const subscriptions = new Map<string, SharedSubscription>();

export function usePollLiveResults(pollId: string): void {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();

  useEffect(() => {
    let shared = subscriptions.get(pollId);
    if (!shared) {
      const subscription = client.live.poll.subscribe(
        { pollId },
        {
          // polls.results applies the results visibility for this reader; the event carries no counts.
          onData: () => void queryClient.invalidateQueries(trpc.polls.results.queryFilter({ pollId })),
          // The link reconnects by itself (resuming from the last event id); a refusal ends it.
          onError: (error) => console.warn("[live] poll results subscription ended:", error.message),
        },
      );
      shared = { holders: 0, stop: () => subscription.unsubscribe() };
      subscriptions.set(pollId, shared);
    }
    const held = shared;
    held.holders += 1;
    return () => {
      held.holders -= 1;
      if (held.holders === 0) {
        held.stop();
        if (subscriptions.get(pollId) === held) subscriptions.delete(pollId);
      }
    };
  }, [pollId, client, trpc, queryClient]);
}
