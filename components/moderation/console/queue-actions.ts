/** The console's queues, and which decisions a queue item allows from its status and reports (docs/moderation.md). */
import type { QueueItem, QueueKind } from "@/server/api/routers/moderation/schemas.ts";

export const queueKinds: readonly QueueKind[] = ["held", "reported", "recent", "approved", "rejected"];

/** The queue a ?queue= link asks for (the page passes its search parameter), else the held one. */
export function queueKindOf(value: unknown): QueueKind {
  return queueKinds.includes(value as QueueKind) ? (value as QueueKind) : "held";
}

export type QueueAction = "approve" | "reject" | "restore" | "feature" | "unfeature";

export function allowedActions(item: Pick<QueueItem, "comment" | "reports">): QueueAction[] {
  const { status, featuredAt } = item.comment;
  if (status === "held") return ["approve", "reject"];
  if (status === "removed") return ["restore"];
  if (status !== "visible") return [];
  const reported = item.reports.some((report) => report.status === "open");
  return [...(reported ? (["approve"] as const) : []), "reject", featuredAt ? "unfeature" : "feature"];
}

/** The reason a reject dialog starts from: the one most reports give (ties: the heaviest), else none. */
export function likelyRejectionReason(item: Pick<QueueItem, "reports">): QueueItem["reports"][number]["reason"] | null {
  const weights = new Map<QueueItem["reports"][number]["reason"], number>();
  for (const report of item.reports) if (report.status === "open") weights.set(report.reason, (weights.get(report.reason) ?? 0) + 1 + report.weight / 1000);
  let best: QueueItem["reports"][number]["reason"] | null = null;
  for (const [reason, weight] of weights) if (best === null || weight > weights.get(best)!) best = reason;
  return best;
}
