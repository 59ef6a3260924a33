"use client";
/**
 * The header's bell for a signed-in reader: the unread count as a badge (and in the button's
 * accessible name), and a panel with the latest notifications.
 *
 * The count refreshes when the notifications channel of the tab's one live connection pings
 * (someone replied; components/live/live-connection.ts), and every 60 s while the tab is visible
 * in case the live connection is down (React Query pauses interval refetches in background tabs). Part of the account island, which loads after hydration: nothing
 * here adds to a page's first-load JavaScript.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useLive } from "@/components/live/use-live.ts";
import { useTRPC } from "@/components/providers/trpc.ts";
import { cx } from "@/components/ui/cx.ts";
import { bellName, type NotificationLabels } from "./notification-labels.ts";
import { NotificationPanel } from "./notification-panel.tsx";
import { useInvalidateNotifications } from "./use-open-notification.ts";

const pollEveryMs = 60_000;

export function NotificationBell({ labels }: { labels: NotificationLabels }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateNotifications();
  const unread = useQuery({ ...trpc.notifications.unreadCount.queryOptions(), refetchInterval: pollEveryMs });
  useLive({ kind: "notifications" }, () => void invalidate());

  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  // Esc closes and gives focus back to the bell; a click or tap outside closes.
  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape") {
        event.preventDefault();
        close(true);
      }
    }
    function onPointerDown(event: PointerEvent) {
      if (!containerRef.current?.contains(event.target as Node)) close(false);
    }
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open]);

  const count = unread.data?.count ?? 0;
  return (
    <div ref={containerRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        data-testid="notification-bell"
        data-unread={count}
        aria-label={bellName(labels, count)}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
        className={cx(
          "relative grid size-9 place-items-center rounded-full text-muted transition-colors hover:bg-raised hover:text-fg",
          open && "bg-raised text-fg",
        )}
      >
        <BellIcon />
        {count > 0 ? (
          <span
            aria-hidden="true"
            data-testid="notification-count"
            className="absolute -top-0.5 -right-0.5 grid h-[1.125rem] min-w-[1.125rem] place-items-center rounded-full bg-accent px-1 text-[0.6875rem] leading-none font-semibold text-accent-fg tabular-nums ring-2 ring-bg"
          >
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </button>
      {open ? <NotificationPanel id={panelId} labels={labels} onClose={() => close(true)} /> : null}
    </div>
  );
}

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M6 8.5a6 6 0 0 1 12 0c0 4.5 1.8 6.3 2.5 7H3.5c.7-.7 2.5-2.5 2.5-7Z" />
      <path d="M10 19a2.2 2.2 0 0 0 4 0" />
    </svg>
  );
}
