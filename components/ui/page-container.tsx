import type { ReactNode } from "react";
import { cx } from "./cx.ts";

const widths = {
  narrow: "max-w-md", // sign-in and other single forms
  medium: "max-w-2xl", // account, settings
  wide: "max-w-6xl", // the essay with its side table of contents
} as const;

/**
 * The horizontal frame of a page's main content. The layout already renders <main id="content">;
 * this only sets width and padding.
 */
export function PageContainer({
  width = "medium",
  className,
  children,
}: {
  width?: keyof typeof widths;
  className?: string;
  children: ReactNode;
}) {
  return <div className={cx("mx-auto w-full px-5 py-10 sm:px-8 sm:py-14", widths[width], className)}>{children}</div>;
}
