/** Slow mode: one new comment per N seconds per reader on this essay (edits are not new comments). */
import { appError } from "@/server/api/errors.ts";
import { isStaff, type Phase } from "./context.ts";

export const slowModePhase: Phase = ({ action, record, now }) => {
  const seconds = record.essay.slowModeSeconds;
  if (action !== "create" || seconds <= 0 || isStaff(record) || record.lastCommentOnEssayAt === null) return undefined;
  const waitMs = record.lastCommentOnEssayAt.getTime() + seconds * 1000 - now.getTime();
  if (waitMs <= 0) return undefined;
  return {
    kind: "refuse",
    rule: "slow_mode",
    error: appError("TOO_MANY_REQUESTS", "moderation.essay.slowMode", { seconds: Math.ceil(waitMs / 1000), interval: seconds }),
  };
};
