"use client";
/**
 * The essay's live comment events (live.comments, server-sent events) into the section state.
 * The subscription link resumes from the last event id after a dropped connection, so nothing
 * is lost in between.
 */
import { useSubscription } from "@trpc/tanstack-react-query";
import type { Dispatch } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { parseCommentEvent } from "./comment-event.ts";
import type { CommentsAction } from "./comments-state.ts";

export function useLiveComments(slug: string, dispatch: Dispatch<CommentsAction>, enabled = true): void {
  const trpc = useTRPC();
  useSubscription(
    trpc.live.comments.subscriptionOptions(
      { slug },
      {
        enabled,
        onData: (message) => {
          const event = parseCommentEvent(message);
          if (event) dispatch({ type: "event", event });
        },
      },
    ),
  );
}
