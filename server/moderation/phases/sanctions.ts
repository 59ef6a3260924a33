/**
 * A suspended or banned reader cannot comment, and a warned one must first acknowledge the
 * warning (me.acknowledgeWarning). The refusal names the sanction, its reason and its end.
 */
import { appError } from "@/server/api/errors.ts";
import type { Phase } from "./context.ts";

export const sanctionsPhase: Phase = ({ record }) => {
  const sanction = record.sanction;
  if (!sanction) return undefined;
  if (sanction.kind === "WARNING") {
    return { kind: "refuse", rule: "sanction", error: appError("FORBIDDEN", "moderation.sanctions.warningUnacknowledged", { reason: sanction.reason }) };
  }
  if (sanction.kind === "BAN") {
    return { kind: "refuse", rule: "sanction", error: appError("FORBIDDEN", "moderation.sanctions.banned", { reason: sanction.reason }) };
  }
  return {
    kind: "refuse",
    rule: "sanction",
    error: appError("FORBIDDEN", "moderation.sanctions.suspended", { reason: sanction.reason, until: formatUntil(sanction.endsAt) }),
  };
};

/** "2026-12-08 14:00 UTC": unambiguous for every reader whatever their zone. */
export function formatUntil(date: Date | null): string {
  return date === null ? "—" : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
