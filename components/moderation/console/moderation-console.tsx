"use client";
/**
 * The comment console at /moderate: the queues as tabs with live counts (moderation.queueEvents
 * pings, and counts polled every 15 s in case the stream is down), one page of items at a time,
 * an active item (claimed while open, so other moderators see it taken), bulk selection, the
 * decisions, and the keyboard (queue-keys.ts).
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { failureMessage } from "@/components/feedback/failure-message.ts";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button, StatusMessage, cx } from "@/components/ui";
import type { QueueKind, RejectionReason } from "@/server/api/routers/moderation/schemas.ts";
import { KeysDialog } from "./keys-dialog.tsx";
import { allowedActions, likelyRejectionReason, queueKinds as kinds, type QueueAction } from "./queue-actions.ts";
import { QueueItemCard } from "./queue-item.tsx";
import { queueCommandFor } from "./queue-keys.ts";
import { RejectDialog } from "./reject-dialog.tsx";

const countsEveryMs = 15_000;
/** Renewed well before the server's 2-minute expiry while the item stays open. */
const claimRenewMs = 60_000;

export function ModerationConsole({ initialKind }: { initialKind: QueueKind }) {
  const t = useTranslations("moderation.console");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<QueueKind>(initialKind);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const [showKeys, setShowKeys] = useState(false);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [rejectError, setRejectError] = useState<string | null>(null);

  const counts = useQuery({ ...trpc.moderation.counts.queryOptions(), refetchInterval: countsEveryMs });
  const queue = useInfiniteQuery(
    trpc.moderation.queue.infiniteQueryOptions({ kind, limit: 20 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: trpc.moderation.pathKey() }), [queryClient, trpc]);
  const live = useSubscription(trpc.moderation.queueEvents.subscriptionOptions(undefined, { onData: refresh }));

  const items = useMemo(() => queue.data?.pages.flatMap((page) => page.items) ?? [], [queue.data]);
  const active = items.find((item) => item.comment.id === activeId) ?? null;
  useClaim(active?.comment.id ?? null);

  function changeKind(next: QueueKind) {
    setKind(next);
    setActiveId(null);
    setSelected(new Set());
    const url = new URL(window.location.href);
    url.searchParams.set("queue", next);
    window.history.replaceState(window.history.state, "", url);
  }

  const decide = useDecision((text, tone) => setNotice({ text, tone }), refresh);

  function activate(id: string | null, focus = true) {
    setActiveId(id);
    if (id && focus) {
      const element = document.getElementById(`queue-${id}`);
      element?.focus({ preventScroll: true });
      element?.scrollIntoView({ block: "nearest" });
    }
  }

  /** After a decision, the next item takes the place of the one decided. */
  function nextAfter(ids: string[]): string | null {
    const index = items.findIndex((item) => item.comment.id === activeId);
    const rest = items.filter((item) => !ids.includes(item.comment.id));
    return rest[Math.min(Math.max(index, 0), rest.length - 1)]?.comment.id ?? null;
  }

  async function act(action: QueueAction, ids: string[]) {
    if (action === "reject") {
      setRejectError(null);
      setRejecting(ids);
      return;
    }
    if (await decide.run(action, ids)) {
      setSelected(new Set());
      activate(nextAfter(ids), false);
    }
  }

  const targets = (action: QueueAction): string[] => {
    const pool = selected.size > 0 ? items.filter((item) => selected.has(item.comment.id)) : active ? [active] : [];
    return pool.filter((item) => allowedActions(item).includes(action)).map((item) => item.comment.id);
  };

  // The keyboard: only while no dialog is open (the dialogs take their own keys).
  const keyState = useRef({ items, active, selected, dialogOpen: false, act, targets, activate });
  keyState.current = { items, active, selected, dialogOpen: rejecting !== null || showKeys, act, targets, activate };
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      const command = queueCommandFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        isComposing: event.isComposing,
        targetTag: target.tagName,
        targetEditable: target.isContentEditable,
      });
      const current = keyState.current;
      if (!command || current.dialogOpen) return;
      event.preventDefault();
      const index = current.items.findIndex((item) => item.comment.id === current.active?.comment.id);
      switch (command) {
        case "next":
        case "previous": {
          const step = command === "next" ? 1 : -1;
          const nextIndex = index === -1 ? 0 : Math.min(Math.max(index + step, 0), current.items.length - 1);
          current.activate(current.items[nextIndex]?.comment.id ?? null);
          return;
        }
        case "select":
          if (current.active) toggle(current.active.comment.id);
          return;
        case "help":
          setShowKeys(true);
          return;
        case "sanctions":
          // People and sanctions are not in the console yet.
          return;
        case "approve": {
          const restore = current.targets("restore");
          const ids = current.targets("approve");
          if (ids.length) void current.act("approve", ids);
          else if (restore.length) void current.act("restore", restore);
          return;
        }
        case "reject": {
          const ids = current.targets("reject");
          if (ids.length) void current.act("reject", ids);
          return;
        }
        case "feature": {
          const item = current.active;
          if (!item) return;
          const action = allowedActions(item).find((allowed) => allowed === "feature" || allowed === "unfeature");
          if (action) void current.act(action, [item.comment.id]);
          return;
        }
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  function toggle(id: string, on?: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  const allSelected = items.length > 0 && items.every((item) => selected.has(item.comment.id));
  const someSelected = selected.size > 0 && !allSelected;
  const rejectItem = rejecting?.length === 1 ? items.find((item) => item.comment.id === rejecting[0]) : undefined;
  const bulkActions = (["approve", "reject", "restore"] as const).filter((action) => targets(action).length > 0);

  return (
    <div data-testid="moderation-console">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div role="tablist" aria-label={t("queues")} className="-mx-1 flex max-w-full gap-1 overflow-x-auto px-1 pb-1" data-testid="queue-tabs">
          {kinds.map((value) => {
            const count = value === "held" || value === "reported" ? counts.data?.[value] : undefined;
            const current = value === kind;
            return (
              <button
                key={value}
                type="button"
                role="tab"
                aria-selected={current}
                aria-controls="queue-panel"
                aria-label={count === undefined ? undefined : t("countLabel", { queue: t(`queue.${value}`), count })}
                onClick={() => changeKind(value)}
                data-testid={`queue-tab-${value}`}
                className={cx(
                  "inline-flex h-9 shrink-0 items-center gap-2 rounded-full px-3.5 text-sm font-medium whitespace-nowrap transition-colors",
                  current ? "bg-fg text-bg" : "text-muted hover:bg-raised hover:text-fg",
                )}
              >
                {t(`queue.${value}`)}
                {count !== undefined ? (
                  <span
                    className={cx(
                      "min-w-5 rounded-full px-1.5 text-center text-xs leading-5 tabular-nums",
                      current ? "bg-bg/20 text-bg" : count > 0 ? "bg-accent text-accent-fg" : "bg-raised text-muted",
                    )}
                    data-testid={`queue-count-${value}`}
                  >
                    {count}
                  </span>
                ) : null}
              </button>
            );
          })}
        </div>
        <div className="flex items-center gap-3 text-xs text-subtle">
          {live.status === "pending" ? (
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="size-2 rounded-full bg-success" />
              {t("live")}
            </span>
          ) : null}
          <Button variant="ghost" size="sm" onClick={() => setShowKeys(true)} aria-keyshortcuts="?" data-testid="keys-button">
            {t("keysButton")}
            <kbd className="rounded border border-line px-1 font-mono text-[0.6875rem]">?</kbd>
          </Button>
        </div>
      </div>

      <div id="queue-panel" role="tabpanel" aria-label={t(`queue.${kind}`)} className="mt-4">
        <p className="text-sm text-muted">{t(`queueHint.${kind}`)}</p>

        <div className="sticky top-16 z-10 mt-4 flex min-h-12 flex-wrap items-center gap-x-3 gap-y-2 rounded-xl border border-line bg-surface/95 px-3 py-2 backdrop-blur">
          <label className="inline-flex items-center gap-2 text-sm text-fg">
            <input
              type="checkbox"
              checked={allSelected}
              ref={(element) => {
                if (element) element.indeterminate = someSelected;
              }}
              disabled={items.length === 0}
              onChange={(event) => setSelected(event.target.checked ? new Set(items.map((item) => item.comment.id)) : new Set())}
              className="size-4 accent-[var(--tq-accent)]"
              data-testid="queue-select-all"
            />
            {t("selectAll")}
          </label>
          {selected.size > 0 ? (
            <>
              <span className="text-sm text-muted" data-testid="queue-selected-count">
                {t("selected", { count: selected.size })}
              </span>
              <div className="flex flex-wrap gap-2 sm:ml-auto">
                {bulkActions.map((action) => (
                  <Button key={action} size="sm" variant={action === "reject" ? "danger" : "primary"} disabled={decide.pending} onClick={() => void act(action, targets(action))} data-testid={`bulk-${action}`}>
                    {t(`bulk.${action}`)}
                  </Button>
                ))}
                <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
                  {t("clearSelection")}
                </Button>
              </div>
            </>
          ) : null}
        </div>

        <StatusMessage tone={notice?.tone ?? "success"} className={notice ? "mt-4" : undefined}>
          {notice?.text}
        </StatusMessage>

        {queue.isPending ? (
          <p className="mt-6 text-sm text-muted">{t("loading")}</p>
        ) : queue.isError ? (
          <StatusMessage tone="error" className="mt-6">
            {failureMessage(queue.error, t("loadFailed"))}
          </StatusMessage>
        ) : items.length === 0 ? (
          <div className="mt-6 rounded-2xl border border-dashed border-line px-6 py-12 text-center text-sm text-muted" data-testid="queue-empty">
            {t(`empty.${kind}`)}
          </div>
        ) : (
          <ul className="mt-4 grid gap-3" data-testid="queue-list">
            {items.map((item) => (
              <li key={item.comment.id}>
                <QueueItemCard
                  item={item}
                  active={item.comment.id === activeId}
                  selected={selected.has(item.comment.id)}
                  busy={decide.pending}
                  onActivate={() => setActiveId(item.comment.id)}
                  onSelect={(on) => toggle(item.comment.id, on)}
                  onAction={(action) => {
                    setActiveId(item.comment.id);
                    void act(action, [item.comment.id]);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
        {queue.hasNextPage ? (
          <div className="mt-4 flex justify-center">
            <Button variant="secondary" onClick={() => void queue.fetchNextPage()} pending={queue.isFetchingNextPage}>
              {t("loadMore")}
            </Button>
          </div>
        ) : null}
      </div>

      <RejectDialog
        open={rejecting !== null}
        count={rejecting?.length ?? 0}
        initialReason={rejectItem ? likelyRejectionReason(rejectItem) : null}
        pending={decide.pending}
        error={rejectError}
        onClose={() => setRejecting(null)}
        onSubmit={async (reason, note) => {
          if (!rejecting) return;
          const ids = rejecting;
          const ok = await decide.run("reject", ids, { reason, note }, setRejectError);
          if (ok) {
            setRejecting(null);
            setSelected(new Set());
            activate(nextAfter(ids));
          }
        }}
      />
      <KeysDialog open={showKeys} onClose={() => setShowKeys(false)} />
    </div>
  );
}

/** Claims the open item for this moderator (renewed while open) and releases it on leaving. */
function useClaim(commentId: string | null) {
  const trpc = useTRPC();
  const claim = useMutation(trpc.moderation.claim.mutationOptions());
  const release = useMutation(trpc.moderation.release.mutationOptions());
  const claimRef = useRef(claim.mutate);
  const releaseRef = useRef(release.mutate);
  useEffect(() => {
    if (!commentId) return;
    claimRef.current({ commentId });
    const renew = setInterval(() => claimRef.current({ commentId }), claimRenewMs);
    return () => {
      clearInterval(renew);
      releaseRef.current({ commentId });
    };
  }, [commentId]);
}

/** The decisions, one call for one or many comments; says what was done and what another moderator did first. */
function useDecision(tell: (text: string, tone: "success" | "error") => void, refresh: () => void) {
  const t = useTranslations("moderation.console");
  const trpc = useTRPC();
  const approve = useMutation(trpc.moderation.approve.mutationOptions());
  const reject = useMutation(trpc.moderation.reject.mutationOptions());
  const restore = useMutation(trpc.moderation.restore.mutationOptions());
  const feature = useMutation(trpc.moderation.feature.mutationOptions());
  const unfeature = useMutation(trpc.moderation.unfeature.mutationOptions());
  const pending = [approve, reject, restore, feature, unfeature].some((mutation) => mutation.isPending);

  async function run(action: QueueAction, commentIds: string[], rejection?: { reason: RejectionReason; note: string }, onError?: (message: string) => void): Promise<boolean> {
    if (commentIds.length === 0) return false;
    try {
      const { results } =
        action === "reject"
          ? await reject.mutateAsync({ commentIds, reason: rejection?.reason ?? "other", ...(rejection?.note ? { note: rejection.note } : {}) })
          : await { approve, restore, feature, unfeature }[action].mutateAsync({ commentIds });
      const done = results.filter((result) => result.outcome === "done").length;
      const skipped = results.length - done;
      tell([done > 0 ? t(`done.${action}`, { count: done }) : "", skipped > 0 ? t("skipped", { count: skipped }) : ""].filter(Boolean).join(" "), skipped > 0 && done === 0 ? "error" : "success");
      refresh();
      return true;
    } catch (error) {
      const message = failureMessage(error, t("failed"));
      if (onError) onError(message);
      else tell(message, "error");
      return false;
    }
  }
  return { run, pending };
}
