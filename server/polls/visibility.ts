/**
 * Who may see a poll's counts. Moderators always may (they run the poll); readers as the poll's
 * results visibility says. "After voting" also opens the results to everyone once the poll has
 * closed, when no one can vote any more and seeing them can no longer sway a ballot.
 */
import type { PollResultsVisibility } from "@/server/db/generated/enums.ts";
import type { Role } from "@/server/db/generated/enums.ts";
import { pollState } from "./rules.ts";

export type HiddenReason = "afterVoting" | "afterClosing" | "moderators";

export interface ResultsViewer {
  role: Role | null;
  hasVoted: boolean;
}

export function isModerator(role: Role | null | undefined): boolean {
  return role === "MODERATOR" || role === "ADMIN";
}

/** null when the viewer may see the results, else why not. */
export function resultsHiddenReason(
  poll: { resultsVisibility: PollResultsVisibility; opensAt: Date; closesAt: Date | null },
  viewer: ResultsViewer,
  now: Date = new Date(),
): HiddenReason | null {
  if (isModerator(viewer.role)) return null;
  const closed = pollState(poll, now) === "closed";
  switch (poll.resultsVisibility) {
    case "ALWAYS":
      return null;
    case "AFTER_VOTING":
      return viewer.hasVoted || closed ? null : "afterVoting";
    case "AFTER_CLOSING":
      return closed ? null : "afterClosing";
    case "MODERATORS":
      return "moderators";
  }
}
