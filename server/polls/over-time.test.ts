/** The over-time series: the days a chart spans, and which days may carry numbers. */
import { describe, expect, it } from "vitest";
import { fewestBallotsBehind, overTimePoints, pollDays, type DailyTotal } from "./over-time.ts";

describe("pollDays", () => {
  const opensAt = new Date("2026-03-01T22:00:00Z");

  it("runs from the opening day to today, in UTC", () => {
    expect(pollDays({ opensAt, closesAt: null }, new Date("2026-03-04T01:00:00Z"))).toEqual(["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"]);
  });

  it("stops at the closing day (closesAt is exclusive: midnight closes the day before)", () => {
    const closesAt = new Date("2026-03-03T00:00:00Z");
    expect(pollDays({ opensAt, closesAt }, new Date("2026-04-01T00:00:00Z"))).toEqual(["2026-03-01", "2026-03-02"]);
    expect(pollDays({ opensAt, closesAt }, new Date("2026-03-02T12:00:00Z"))).toEqual(["2026-03-01", "2026-03-02"]);
  });

  it("is empty before the poll opens", () => {
    expect(pollDays({ opensAt, closesAt: null }, new Date("2026-03-01T21:00:00Z"))).toEqual([]);
  });
});

describe("fewestBallotsBehind", () => {
  it("takes the largest lower bound of voters, each option, and all options over 2 × maxChoices", () => {
    expect(fewestBallotsBehind(5, [3, 2], 1)).toBe(5);
    // Four readers moving from a to b: no new voters, but at least 4 ballots.
    expect(fewestBallotsBehind(0, [-4, 4], 1)).toBe(4);
    // One reader of a pick-3 poll can move six option counts.
    expect(fewestBallotsBehind(0, [-1, -1, -1, 1, 1, 1], 3)).toBe(1);
    expect(fewestBallotsBehind(0, [0, 0], 1)).toBe(0);
  });
});

describe("overTimePoints", () => {
  const days = ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"];
  const optionIds = ["a", "b"];
  /** Running totals from daily nets: [day, voters, a, b]. */
  function totals(nets: [string, number, number, number][]): DailyTotal[] {
    const sums = { voters: 0, a: 0, b: 0 };
    return nets.flatMap(([day, voters, a, b]) => {
      sums.voters += voters;
      sums.a += a;
      sums.b += b;
      return [
        { day, optionId: null, cumulative: sums.voters },
        { day, optionId: "a", cumulative: sums.a },
        { day, optionId: "b", cumulative: sums.b },
      ];
    });
  }

  it("shows cumulative counts and shares, and fills days without changes", () => {
    const points = overTimePoints({ days, optionIds, maxChoices: 1, totals: totals([["2026-03-01", 6, 4, 2], ["2026-03-03", 6, 2, 4]]) });
    expect(points).toEqual([
      { day: "2026-03-01", kind: "shown", voters: 6, options: [{ id: "a", votes: 4, share: 4 / 6 }, { id: "b", votes: 2, share: 2 / 6 }] },
      { day: "2026-03-02", kind: "merged" },
      { day: "2026-03-03", kind: "shown", voters: 12, options: [{ id: "a", votes: 6, share: 0.5 }, { id: "b", votes: 6, share: 0.5 }] },
      { day: "2026-03-04", kind: "merged" },
      { day: "2026-03-05", kind: "merged" },
    ]);
  });

  it("shows no numbers while fewer than 5 readers have voted", () => {
    const points = overTimePoints({ days, optionIds, maxChoices: 1, totals: totals([["2026-03-01", 2, 1, 1], ["2026-03-02", 2, 2, 0], ["2026-03-03", 1, 1, 0]]) });
    expect(points.map((p) => p.kind)).toEqual(["fewVoters", "fewVoters", "shown", "merged", "merged"]);
  });

  it("folds a day with fewer than 5 ballots changed into the next, so no single ballot can be read off two days", () => {
    // Day 2: one new reader for b (merged); day 3: four more for a, so days 2 and 3 are shown as one step of 5.
    const points = overTimePoints({ days, optionIds, maxChoices: 1, totals: totals([["2026-03-01", 10, 5, 5], ["2026-03-02", 1, 0, 1], ["2026-03-03", 4, 4, 0]]) });
    expect(points.map((p) => p.kind)).toEqual(["shown", "merged", "shown", "merged", "merged"]);
    const shown = points.filter((p) => p.kind === "shown");
    expect(shown.map((p) => [p.voters, p.options.map((o) => o.votes)])).toEqual([[10, [5, 5]], [15, [9, 6]]]);
  });

  it("does not count changes that cancel out as activity (a vote and its withdrawal)", () => {
    const points = overTimePoints({
      days,
      optionIds,
      maxChoices: 1,
      totals: totals([["2026-03-01", 10, 5, 5], ["2026-03-02", 0, 0, 0], ["2026-03-03", 3, 3, 0], ["2026-03-04", -3, -3, 0]]),
    });
    expect(points.map((p) => p.kind)).toEqual(["shown", "merged", "merged", "merged", "merged"]);
  });

  it("counts changes dated before the opening day from the first day", () => {
    const points = overTimePoints({ days: ["2026-03-02"], optionIds, maxChoices: 1, totals: totals([["2026-03-01", 5, 5, 0]]) });
    expect(points).toEqual([{ day: "2026-03-02", kind: "shown", voters: 5, options: [{ id: "a", votes: 5, share: 1 }, { id: "b", votes: 0, share: 0 }] }]);
  });
});
