import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx.ts";

/** A quiet surface for a form or a group of settings. */
export function Card({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cx("rounded-2xl border border-line bg-surface p-6 shadow-sm sm:p-8", className)} {...rest} />;
}

export function CardTitle({ className, children, as: Tag = "h1" }: { className?: string; children: ReactNode; as?: "h1" | "h2" | "h3" }) {
  return <Tag className={cx("text-xl font-semibold tracking-tight text-fg sm:text-2xl", className)}>{children}</Tag>;
}

export function CardDescription({ className, children }: { className?: string; children: ReactNode }) {
  return <p className={cx("mt-2 text-[0.9375rem] leading-relaxed text-muted", className)}>{children}</p>;
}
