/** A multi-line field with the look of components/ui inputs (the shared one arrives with the console's branch). */
import { cx } from "@/components/ui/cx.ts";

export const textAreaClasses = cx(
  "block w-full rounded-xl border border-line bg-surface px-3.5 py-2 text-base leading-relaxed text-fg placeholder:text-subtle",
  "transition-colors hover:border-subtle focus-visible:border-focus focus-visible:outline-2 focus-visible:outline-offset-0",
  "aria-invalid:border-danger disabled:opacity-60 min-h-20 resize-y",
);
