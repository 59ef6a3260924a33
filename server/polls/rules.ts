/** Limits of the poll model that the seed, the procedures and the tests share (issue 5). */
export const pollOptionLimits = { min: 2, max: 12 } as const;

export type PollState = "upcoming" | "open" | "closed";

/** A poll takes ballots from opensAt (inclusive) until closesAt (exclusive); no closesAt: open for good. */
export function pollState(poll: { opensAt: Date; closesAt: Date | null }, now: Date = new Date()): PollState {
  if (now < poll.opensAt) return "upcoming";
  if (poll.closesAt && now >= poll.closesAt) return "closed";
  return "open";
}
