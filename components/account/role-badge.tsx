/** The reader's role as a small badge (Reader / Moderator / Administrator). Server-safe. */
import type { Role } from "@/server/db/generated/enums.ts";
import { cx } from "@/components/ui/cx.ts";

const tones: Record<Role, string> = {
  USER: "border-line bg-raised text-muted",
  MODERATOR: "border-success/40 bg-success/10 text-success",
  ADMIN: "border-accent/40 bg-accent-soft text-accent",
};

export function RoleBadge({ role, label, roleLabel }: { role: Role; label: string; roleLabel: string }) {
  return (
    <span
      data-testid="role-badge"
      data-role={role}
      className={cx("inline-flex h-7 items-center rounded-full border px-3 text-xs font-semibold tracking-wide", tones[role])}
    >
      <span className="sr-only">{roleLabel}: </span>
      {label}
    </span>
  );
}
