"use client";
/**
 * Opening a notification marks it read, then follows its link. A plain click waits for the mark
 * (briefly: navigation would cancel the request) so the count is right on the next page; a click
 * that opens a new tab marks it in the background. Without JavaScript the link still works.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { MouseEvent } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import type { NotificationItem } from "@/server/api/routers/notifications/schemas.ts";

/** Never hold the reader back longer than this for the mark. */
const markWaitMs = 1_500;

export function useInvalidateNotifications(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.notifications.unreadCount.queryFilter()),
      queryClient.invalidateQueries(trpc.notifications.list.queryFilter()),
    ]);
  };
}

export function useOpenNotification(onOpened?: () => void) {
  const trpc = useTRPC();
  const invalidate = useInvalidateNotifications();
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSettled: () => invalidate() }));

  return async (event: MouseEvent<HTMLAnchorElement>, item: NotificationItem) => {
    if (item.read) return onOpened?.();
    const newTab = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0;
    const marking = markRead.mutateAsync({ ids: [item.id] }).catch(() => undefined);
    if (newTab) return;
    event.preventDefault();
    await Promise.race([marking, new Promise((resolve) => window.setTimeout(resolve, markWaitMs))]);
    onOpened?.();
    window.location.assign(item.href);
  };
}
