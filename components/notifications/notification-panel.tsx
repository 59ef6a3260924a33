"use client";
/**
 * The bell's panel: the latest notifications, "mark all as read", and a link to /notifications
 * for the rest. A non-modal dialog: focus moves into it on open, Tab walks its links, Esc (handled
 * by the bell) closes it and returns focus to the bell.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button, Spinner } from "@/components/ui/index.ts";
import type { NotificationLabels } from "./notification-labels.ts";
import { NotificationEntry } from "./notification-entry.tsx";
import { useInvalidateNotifications, useOpenNotification } from "./use-open-notification.ts";

/** As many as fit the panel without scrolling on a phone; the page has the rest. */
const panelSize = 8;

export function NotificationPanel({ id, labels, onClose }: { id: string; labels: NotificationLabels; onClose: () => void }) {
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.notifications.list.queryOptions({ limit: panelSize }), staleTime: 0 });
  const invalidate = useInvalidateNotifications();
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSettled: () => invalidate() }));
  const openNotification = useOpenNotification();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = `${id}-title`;

  useEffect(() => headingRef.current?.focus(), []);

  const items = list.data?.items ?? [];
  const hasUnread = items.some((item) => !item.read);

  return (
    <div
      id={id}
      role="dialog"
      aria-labelledby={headingId}
      data-testid="notification-panel"
      className="fixed inset-x-3 top-16 z-50 flex max-h-[calc(100dvh-5rem)] flex-col overflow-hidden rounded-2xl border border-line bg-surface shadow-xl shadow-black/10 sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-2 sm:w-96"
    >
      <div className="flex items-center justify-between gap-3 border-b border-line px-4 py-3">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-base font-semibold text-fg focus:outline-none">
          {labels.title}
        </h2>
        <div className="flex items-center gap-1">
          {hasUnread ? (
            <Button variant="ghost" size="sm" pending={markAll.isPending} onClick={() => markAll.mutate()} data-testid="notifications-mark-all">
              {labels.markAllRead}
            </Button>
          ) : null}
          <button
            type="button"
            onClick={onClose}
            aria-label={labels.close}
            className="grid size-8 place-items-center rounded-full text-muted hover:bg-raised hover:text-fg"
          >
            <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
              <path d="M6 6l12 12M18 6 6 18" />
            </svg>
          </button>
        </div>
      </div>

      <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain p-1.5">
        {list.isPending ? (
          <p className="flex justify-center py-8 text-muted">
            <Spinner />
          </p>
        ) : list.isError ? (
          <div role="alert" className="flex flex-col items-center gap-3 px-4 py-6 text-center text-sm text-muted">
            {labels.loadFailed}
            <Button variant="secondary" size="sm" onClick={() => void list.refetch()}>
              {labels.retry}
            </Button>
          </div>
        ) : items.length === 0 ? (
          <p data-testid="notifications-empty" className="px-4 py-8 text-center text-sm leading-relaxed text-muted">
            {labels.empty}
          </p>
        ) : (
          <ul className="flex flex-col gap-0.5">
            {items.map((item) => (
              <li key={item.id}>
                <NotificationEntry item={item} labels={labels} onOpen={openNotification} />
              </li>
            ))}
          </ul>
        )}
      </div>

      <a href="/notifications" className="border-t border-line px-4 py-3 text-center text-sm font-medium text-accent hover:bg-raised" data-testid="notifications-view-all">
        {labels.viewAll}
      </a>
    </div>
  );
}
