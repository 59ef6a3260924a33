/** What a poll card needs to know of its poll, in the page's language (shared by server and client). */
export interface PollDefinition {
  id: string;
  key: string;
  question: string;
  kind: "SINGLE" | "MULTIPLE";
  maxChoices: number;
  allowChange: boolean;
  /** Where the page shows it: "after-section-1", "end" (docs/polls.md). */
  placements: string[];
  options: { id: string; key: string; label: string }[];
}

export type PollPlacement = "after-section-1" | "end";

/** The id of a poll's first placement: the anchor that sign-in returns to. */
export function pollAnchorId(pollKey: string): string {
  return `poll-${pollKey}`;
}

/** `?vote=<pollKey>:<optionKey>`: a vote a signed-out reader chose, cast once they are back signed in. */
export const pendingVoteParam = "vote";

export function readPendingVote(search: string, pollKey: string): string | null {
  const value = new URLSearchParams(search).get(pendingVoteParam);
  if (!value) return null;
  const [key, optionKey] = value.split(":");
  return key === pollKey && optionKey ? optionKey : null;
}
