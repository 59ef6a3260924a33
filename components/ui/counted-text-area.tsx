/**
 * A labelled multi-line field with its hint and a "12/500" counter, for short free texts (a
 * report's explanation, a moderator's note). Server-safe; the caller keeps the value.
 */
import type { TextareaHTMLAttributes } from "react";
import { cx } from "./cx.ts";
import { textAreaClasses } from "./input.tsx";

export function CountedTextArea({
  id,
  label,
  hint,
  value,
  limit,
  className,
  ...rest
}: { id: string; label: string; hint: string; value: string; limit: number; className?: string } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "value" | "maxLength" | "className">) {
  return (
    <div className={cx("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-fg">
        {label}
      </label>
      <textarea id={id} value={value} maxLength={limit} rows={3} aria-describedby={`${id}-hint`} className={textAreaClasses} {...rest} />
      <p id={`${id}-hint`} className="flex justify-between gap-3 text-xs text-subtle">
        <span>{hint}</span>
        <span className="tabular-nums">
          {value.length}/{limit}
        </span>
      </p>
    </div>
  );
}
