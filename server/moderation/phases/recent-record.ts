/**
 * Recent record: when most of a writer's recent comments (writer-record.ts: the last 10 of 30
 * days) were rejected by moderators — at least 2, and at least half — the next one waits for review.
 */
import { isStaff, type Phase } from "./context.ts";

export const minRejected = 2;

export const recentRecordPhase: Phase = ({ action, record }) => {
  if (action !== "create" || isStaff(record)) return undefined;
  const { recentCount, recentRejected } = record;
  if (recentRejected < minRejected || recentRejected * 2 < recentCount) return undefined;
  return { kind: "hold", rule: "recent_record", details: { recent: recentCount, rejected: recentRejected } };
};
