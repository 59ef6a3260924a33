"use client";
/** A watched term's action as a small coloured label: the stronger, the warmer. */
import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx.ts";

const tones = {
  block: "border-danger/40 bg-danger/10 text-danger",
  hold: "border-accent/40 bg-accent-soft text-fg",
  flag: "border-line bg-raised text-fg",
  censor: "border-line bg-surface text-muted",
} as const;

export function ActionBadge({ action }: { action: keyof typeof tones }) {
  const t = useTranslations("moderation.words.action");
  return <span className={cx("rounded-full border px-2.5 py-0.5 text-xs font-medium whitespace-nowrap", tones[action])}>{t(action)}</span>;
}
