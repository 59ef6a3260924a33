/** A poll's state (open, upcoming, closed) as a small badge. Server-safe: the words come as props. */
import { cx } from "@/components/ui/cx.ts";

const tones = {
  open: "border-success/40 bg-success/10 text-success",
  upcoming: "border-line bg-raised text-muted",
  closed: "border-accent/30 bg-accent-soft text-accent",
} as const;

export function PollStateBadge({ state, label }: { state: keyof typeof tones; label: string }) {
  return (
    <span
      data-testid="poll-state"
      data-state={state}
      className={cx("inline-flex h-6 shrink-0 items-center rounded-full border px-2.5 text-xs font-semibold", tones[state])}
    >
      {label}
    </span>
  );
}
