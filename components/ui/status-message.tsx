import type { ReactNode } from "react";
import { cx } from "./cx.ts";

const tones = {
  info: "border-line bg-raised text-fg",
  success: "border-success/40 bg-success/10 text-fg",
  error: "border-danger/40 bg-danger/10 text-fg",
} as const;

/**
 * A message that screen readers announce when it appears or changes (role="status"; "alert" for
 * errors). Render it always and change its children, so the live region exists before the news.
 */
export function StatusMessage({
  tone = "info",
  className,
  children,
}: {
  tone?: keyof typeof tones;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={cx(children ? cx("rounded-xl border px-4 py-3 text-sm", tones[tone]) : "sr-only", className)}
    >
      {children}
    </p>
  );
}
