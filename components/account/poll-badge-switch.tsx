"use client";
/**
 * The poll-badge setting: a switch that saves at once (me.update). Off by default; the hint says
 * plainly that turning it on makes this one answer public next to the reader's comments.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { StatusMessage } from "@/components/ui/index.ts";
import { cx } from "@/components/ui/cx.ts";

export function PollBadgeSwitch({ initial }: { initial: boolean }) {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.me.update.mutationOptions());
  const [on, setOn] = useState(initial);
  const [status, setStatus] = useState<{ tone: "success" | "error"; message: string } | null>(null);

  async function toggle() {
    // Not disabled while saving (a disabled button drops keyboard focus): extra presses wait.
    if (update.isPending) return;
    const next = !on;
    setOn(next); // shown at once; put back if saving fails
    setStatus(null);
    try {
      const me = await update.mutateAsync({ showPollBadge: next });
      setOn(me?.showPollBadge ?? next);
      setStatus({ tone: "success", message: next ? t("pollBadgeSaved") : t("pollBadgeCleared") });
      await queryClient.invalidateQueries(trpc.me.get.queryFilter());
    } catch (error) {
      setOn(!next);
      setStatus({ tone: "error", message: error instanceof Error && error.message ? error.message : t("failed") });
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-start justify-between gap-4">
        <div className="flex flex-col gap-1.5">
          <span id="poll-badge-label" className="text-sm font-medium text-fg">
            {t("pollBadge")}
          </span>
          <p id="poll-badge-hint" className="text-sm text-muted">
            {t("pollBadgeHint")}
          </p>
        </div>
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-labelledby="poll-badge-label"
          aria-describedby="poll-badge-hint"
          aria-busy={update.isPending || undefined}
          onClick={toggle}
          data-testid="poll-badge-switch"
          className={cx(
            "relative mt-0.5 inline-flex h-7 w-12 shrink-0 items-center rounded-full border transition-colors aria-busy:opacity-70",
            on ? "border-accent bg-accent" : "border-line bg-raised",
          )}
        >
          <span
            aria-hidden="true"
            className={cx(
              "inline-block size-5 rounded-full shadow-sm transition-transform motion-reduce:transition-none",
              on ? "translate-x-[1.4rem] bg-accent-fg" : "translate-x-1 bg-subtle",
            )}
          />
        </button>
      </div>
      <StatusMessage tone={status?.tone ?? "success"}>{status?.message}</StatusMessage>
    </div>
  );
}
