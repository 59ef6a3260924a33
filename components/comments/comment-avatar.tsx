/**
 * A reader's generated avatar (avatar.ts): an initial on a colour of their own. Server-safe (no
 * hooks): the server-rendered first page and the interactive list draw the same circle.
 * light-dark() keeps the initial legible in both themes: a pale disc with dark ink in light, a deep
 * disc with pale ink in dark, both at the reader's hue.
 */
import { cx } from "@/components/ui";
import { avatarLook } from "./avatar.ts";

export function CommentAvatar({
  userId,
  name,
  fallbackInitial,
  className,
}: {
  /** null for a tombstone: a blank disc. */
  userId: string | null;
  name: string | null;
  fallbackInitial: string;
  className?: string;
}) {
  const base = cx("inline-flex size-8 shrink-0 select-none items-center justify-center rounded-full text-sm font-semibold sm:size-9 sm:text-[0.9375rem]", className);
  if (userId === null) return <span aria-hidden="true" className={cx(base, "border border-dashed border-line bg-raised")} />;
  const look = avatarLook(userId, name, fallbackInitial);
  return (
    <span
      aria-hidden="true"
      className={base}
      style={{
        background: `light-dark(oklch(0.9 0.06 ${look.hue}), oklch(0.36 0.08 ${look.hue}))`,
        color: `light-dark(oklch(0.36 0.11 ${look.hue}), oklch(0.93 0.05 ${look.hue}))`,
      }}
    >
      {look.initial}
    </span>
  );
}
