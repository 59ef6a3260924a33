"use client";
/**
 * The essay's live comment events into the section state, on the tab's one live connection
 * (components/live/live-connection.ts). The connection resumes from the last event it saw after a
 * drop or a change of channels, so nothing is lost in between.
 */
import type { Dispatch } from "react";
import { useLive } from "@/components/live/use-live.ts";
import { parseCommentEvent } from "./comment-event.ts";
import type { CommentsAction } from "./comments-state.ts";

export function useLiveComments(slug: string, dispatch: Dispatch<CommentsAction>, enabled = true): void {
  useLive(enabled ? { kind: "comments", slug } : null, (message) => {
    const event = parseCommentEvent(message);
    if (event) dispatch({ type: "event", event });
  });
}
