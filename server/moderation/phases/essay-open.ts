/**
 * Commenting on the essay is open: not locked by a moderator (readers see the lock message) and
 * not past its closing time. Applies to edits too: a locked discussion stays as it was locked.
 * Staff may still write (to explain the lock, for instance).
 */
import { appError } from "@/server/api/errors.ts";
import { isStaff, type Phase } from "./context.ts";

export const essayOpenPhase: Phase = ({ record, now }) => {
  if (isStaff(record)) return undefined;
  const { lockedAt, lockMessage, closeAt } = record.essay;
  if (lockedAt !== null) {
    return lockMessage
      ? { kind: "refuse", rule: "locked", error: appError("FORBIDDEN", "moderation.essay.lockedWithMessage", { message: lockMessage }) }
      : { kind: "refuse", rule: "locked", error: appError("FORBIDDEN", "moderation.essay.locked") };
  }
  if (closeAt !== null && closeAt.getTime() <= now.getTime()) {
    return { kind: "refuse", rule: "closed", error: appError("FORBIDDEN", "moderation.essay.closed") };
  }
  return undefined;
};
