"use client";
/** One notification: who replied, the start of the reply, when, and whether it is unread; a link to the reply. */
import type { MouseEvent } from "react";
import { cx } from "@/components/ui/cx.ts";
import type { NotificationItem } from "@/server/api/routers/notifications/schemas.ts";
import type { NotificationLabels } from "./notification-labels.ts";
import { NotificationTime } from "./notification-time.tsx";

export function NotificationEntry({
  item,
  labels,
  onOpen,
}: {
  item: NotificationItem;
  labels: NotificationLabels;
  onOpen: (event: MouseEvent<HTMLAnchorElement>, item: NotificationItem) => void;
}) {
  const name = item.actorName ?? labels.someone;
  const [before, after] = labels.replied.split("{name}") as [string, string | undefined];
  return (
    <a
      href={item.href}
      onClick={(event) => onOpen(event, item)}
      data-testid="notification-item"
      data-read={item.read ? "true" : "false"}
      className={cx(
        "group flex gap-3 rounded-xl px-3 py-3 text-left transition-colors hover:bg-raised focus-visible:bg-raised",
        !item.read && "bg-accent-soft/45",
      )}
    >
      <span aria-hidden="true" className={cx("mt-2 size-2 shrink-0 rounded-full", item.read ? "bg-transparent" : "bg-accent")} />
      <span className="flex min-w-0 flex-1 flex-col gap-1">
        <span className="text-sm text-fg">
          {!item.read ? <span className="sr-only">{labels.unread}</span> : null}
          {before}
          <span className="font-semibold">{name}</span>
          {after}
        </span>
        {item.snippet ? <span className="line-clamp-2 text-sm leading-relaxed break-words text-muted">{item.snippet}</span> : null}
        <span className="text-xs text-subtle">
          <NotificationTime date={item.createdAt} locale={labels.locale} justNow={labels.justNow} />
        </span>
      </span>
    </a>
  );
}
