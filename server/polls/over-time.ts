/**
 * A poll's results over time: for each UTC day since it opened, each option's cumulative count and
 * its share of that day's cumulative voters, read from the daily net tallies that every ballot
 * transaction keeps (PollOptionDaily, PollDailyVoters).
 *
 * Privacy (docs/polls.md, "Over time"): consecutive points differ by what changed between them, so
 * a reader who knows who voted on a quiet day could read that vote off the chart. A day's numbers
 * are therefore published only when
 *   - at least 5 readers have a ballot by then (as the breakdown hides groups under 5), and
 *   - the change since the previous published point is the work of at least 5 ballots;
 * other days carry no numbers, and their changes are folded into the next published point.
 */
import type { Db } from "@/server/db/client.ts";

/** The smallest group a published number may describe (the breakdown's threshold too). */
export const overTimeThreshold = 5;

const dayMs = 24 * 60 * 60 * 1000;

/** "YYYY-MM-DD" of the UTC day holding this instant. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

function nextDay(day: string): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + dayMs));
}

/**
 * The days a poll's chart spans: from the day it opened to today, or to the day of its last
 * instant when it has closed (closesAt is exclusive). None before it opens.
 */
export function pollDays(poll: { opensAt: Date; closesAt: Date | null }, now: Date): string[] {
  if (now < poll.opensAt) return [];
  const last = poll.closesAt && poll.closesAt <= now ? new Date(Math.max(poll.closesAt.getTime() - 1, poll.opensAt.getTime())) : now;
  const days: string[] = [];
  for (let day = utcDay(poll.opensAt), end = utcDay(last); day <= end; day = nextDay(day)) days.push(day);
  return days;
}

/** One row of the running totals: `optionId` null for the poll's voters. */
export interface DailyTotal {
  day: string;
  optionId: string | null;
  cumulative: number;
}

/**
 * The running totals of a poll's voters and of each option at the end of every day that changed
 * them: one query, a window SUM over each series' days. Days without a change are filled in by
 * overTimePoints.
 */
export async function readDailyTotals(db: Db, pollId: string): Promise<DailyTotal[]> {
  const rows = await db.$queryRaw<{ day: string; optionId: string | null; cumulative: number }[]>`
    SELECT to_char(t."day", 'YYYY-MM-DD') AS "day", t."optionId",
           (SUM(t."net") OVER (PARTITION BY t."optionId" ORDER BY t."day"))::int AS "cumulative"
    FROM (
      SELECT v."day", NULL::text AS "optionId", v."net" FROM "PollDailyVoters" v WHERE v."pollId" = ${pollId}
      UNION ALL
      SELECT d."day", d."optionId", d."net"
      FROM "PollOptionDaily" d JOIN "PollOption" o ON o."id" = d."optionId"
      WHERE o."pollId" = ${pollId}
    ) t
    ORDER BY 1`;
  return rows.map((row) => ({ day: row.day, optionId: row.optionId, cumulative: Number(row.cumulative) }));
}

export type OverTimePoint =
  | { day: string; kind: "shown"; voters: number; options: { id: string; votes: number; share: number }[] }
  /** Fewer than 5 voters so far: no numbers. */
  | { day: string; kind: "fewVoters" }
  /** Too few ballots changed since the previous published point: counted in a later one. */
  | { day: string; kind: "merged" };

/**
 * The fewest ballots that can explain a change of the running totals: each ballot moves the voter
 * count by at most 1, each option by at most 1, and all options together by at most 2 × maxChoices
 * (taking back every choice and making as many new ones).
 */
export function fewestBallotsBehind(voterChange: number, optionChanges: number[], maxChoices: number): number {
  const moved = optionChanges.reduce((sum, change) => sum + Math.abs(change), 0);
  return Math.max(Math.abs(voterChange), ...optionChanges.map(Math.abs), Math.ceil(moved / (2 * Math.max(1, maxChoices))));
}

/** Fills the days between changes and applies the publication rules above. */
export function overTimePoints(input: { days: string[]; optionIds: string[]; maxChoices: number; totals: DailyTotal[] }): OverTimePoint[] {
  const { days, optionIds, maxChoices } = input;
  const byDay = new Map<string, DailyTotal[]>();
  for (const total of input.totals) byDay.set(total.day, [...(byDay.get(total.day) ?? []), total]);
  const optionIndex = new Map(optionIds.map((id, index) => [id, index]));

  let voters = 0;
  const votes = optionIds.map(() => 0);
  // What the last published point said (before the first one: nothing, as when the poll opened).
  let published = { voters: 0, votes: optionIds.map(() => 0) };
  // Changes dated before the first day (a clock moved back) count from the first day on.
  const earlier = input.totals.filter((total) => days.length > 0 && total.day < days[0]!);
  const apply = (total: DailyTotal) => {
    if (total.optionId === null) voters = total.cumulative;
    else {
      const index = optionIndex.get(total.optionId);
      if (index !== undefined) votes[index] = total.cumulative;
    }
  };
  earlier.forEach(apply);

  return days.map((day): OverTimePoint => {
    byDay.get(day)?.forEach(apply);
    if (voters < overTimeThreshold) return { day, kind: "fewVoters" };
    const behind = fewestBallotsBehind(
      voters - published.voters,
      votes.map((count, index) => count - published.votes[index]!),
      maxChoices,
    );
    if (behind < overTimeThreshold) return { day, kind: "merged" };
    published = { voters, votes: [...votes] };
    return { day, kind: "shown", voters, options: optionIds.map((id, index) => ({ id, votes: votes[index]!, share: votes[index]! / voters })) };
  });
}
