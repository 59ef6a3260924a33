"use client";
/**
 * The /notifications page's list: server-rendered (links work without JavaScript); with it,
 * opening one marks it read and "mark all as read" refreshes the page's data.
 */
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button } from "@/components/ui/index.ts";
import type { NotificationItem } from "@/server/api/routers/notifications/schemas.ts";
import type { NotificationLabels } from "./notification-labels.ts";
import { NotificationEntry } from "./notification-entry.tsx";
import { useInvalidateNotifications, useOpenNotification } from "./use-open-notification.ts";

export function NotificationsPageList({ items, labels }: { items: NotificationItem[]; labels: NotificationLabels }) {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidateNotifications();
  const openNotification = useOpenNotification();
  const markAll = useMutation(
    trpc.notifications.markAllRead.mutationOptions({
      onSettled: async () => {
        await invalidate();
        router.refresh();
      },
    }),
  );

  if (items.length === 0) {
    return (
      <p data-testid="notifications-empty" className="rounded-xl bg-raised px-4 py-10 text-center text-sm leading-relaxed text-muted">
        {labels.empty}
      </p>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      {items.some((item) => !item.read) ? (
        <div className="flex justify-end">
          <Button variant="secondary" size="sm" pending={markAll.isPending} onClick={() => markAll.mutate()} data-testid="notifications-mark-all">
            {labels.markAllRead}
          </Button>
        </div>
      ) : null}
      <ul className="-mx-3 flex flex-col gap-0.5" data-testid="notifications-list">
        {items.map((item) => (
          <li key={item.id}>
            <NotificationEntry item={item} labels={labels} onOpen={openNotification} />
          </li>
        ))}
      </ul>
    </div>
  );
}
