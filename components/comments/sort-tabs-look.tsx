/**
 * The look of the sort control, without behaviour: server-safe, so the server-rendered first
 * page (comments-static.tsx) shows the same control the interactive section then drives.
 */
import type { KeyboardEvent } from "react";
import { cx } from "@/components/ui";
import type { CommentSort } from "@/server/api/routers/comments/schemas.ts";
import { commentSorts } from "./sort.ts";

export function SortTabsLook({
  value,
  label,
  names,
  onChange,
  onKeyDown,
  refs,
  disabled = false,
}: {
  value: CommentSort;
  label: string;
  names: (sort: CommentSort) => string;
  onChange?: (sort: CommentSort) => void;
  onKeyDown?: (event: KeyboardEvent) => void;
  refs?: { current: Array<HTMLButtonElement | null> };
  disabled?: boolean;
}) {
  return (
    <div role="radiogroup" aria-label={label} className="inline-flex rounded-full border border-line bg-raised/60 p-0.5" onKeyDown={onKeyDown} data-testid="comment-sort">
      {commentSorts.map((sort, index) => (
        <button
          key={sort}
          ref={refs ? (element) => void (refs.current[index] = element) : undefined}
          type="button"
          role="radio"
          aria-checked={value === sort}
          tabIndex={value === sort ? 0 : -1}
          disabled={disabled}
          onClick={onChange ? () => onChange(sort) : undefined}
          className={cx(
            "h-7 rounded-full px-3 text-[0.8125rem] transition-colors",
            value === sort ? "bg-surface font-semibold text-fg shadow-sm" : "text-muted hover:text-fg",
          )}
        >
          {names(sort)}
        </button>
      ))}
    </div>
  );
}
