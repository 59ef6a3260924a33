import { describe, expect, it } from "vitest";
import { checkNoneLost, checkTallies, checkText, votePair } from "./tallies.ts";

describe("checkNoneLost", () => {
  it("accepts exactly the acknowledged rows, and rows of unanswered requests", () => {
    expect(checkNoneLost({ noun: "comments", acknowledged: 100, unanswered: 0, stored: 100 })).toEqual([]);
    expect(checkNoneLost({ noun: "comments", acknowledged: 100, unanswered: 2, stored: 102 })).toEqual([]);
  });

  it("names missing and unexplained rows", () => {
    expect(checkNoneLost({ noun: "comments", acknowledged: 1500, unanswered: 0, stored: 1499 })).toEqual(["1 acknowledged comments are missing"]);
    expect(checkNoneLost({ noun: "ballots", acknowledged: 10, unanswered: 1, stored: 13 })).toEqual(["2 ballots stored that no request accounts for"]);
  });
});

describe("checkTallies", () => {
  it("wants each counter equal to its rows and to the expected figure", () => {
    expect(checkTallies([{ label: "a", stored: 3, counted: 3, expected: 3 }, { label: "b", stored: 0, counted: 0 }])).toEqual([]);
    expect(checkTallies([{ label: "a", stored: 3, counted: 4 }])).toEqual(["a: stored 3, rows 4"]);
    expect(checkTallies([{ label: "a", stored: 4, counted: 4, expected: 5 }])).toEqual([
      "a: 4, expected 5 from the seed and the acknowledged requests",
    ]);
  });

  it("accepts a counter that applied some of its unanswered requests, and no more", () => {
    expect(checkTallies([{ label: "a", stored: 12, counted: 12, expected: 10, unanswered: 3 }])).toEqual([]);
    expect(checkTallies([{ label: "a", stored: 14, counted: 14, expected: 10, unanswered: 3 }])).toEqual([
      "a: 14, expected 10–13 from the seed and the acknowledged requests",
    ]);
  });

  it("spells out only the first few problems", () => {
    const broken = Array.from({ length: 9 }, (_, i) => ({ label: `c${i}`, stored: 1, counted: 2 }));
    const problems = checkTallies(broken, 3);
    expect(problems).toHaveLength(4);
    expect(problems[3]).toBe("and 6 more");
    expect(checkText([], "exact")).toBe("exact");
    expect(checkText(["x", "y"], "exact")).toBe("**wrong:** x; y");
  });
});

describe("votePair", () => {
  it("gives every (account, comment) pair exactly once", () => {
    const accounts = 12;
    const comments = 7;
    const seen = new Set<string>();
    for (let index = 0; index < accounts * comments; index++) {
      const pair = votePair(index, accounts, comments)!;
      seen.add(`${pair.account}:${pair.comment}`);
    }
    expect(seen.size).toBe(accounts * comments);
    expect(votePair(accounts * comments, accounts, comments)).toBeNull();
  });

  it("spreads consecutive votes over different accounts and comments", () => {
    const [a, b] = [votePair(0, 1000, 100)!, votePair(1, 1000, 100)!];
    expect(a.account).not.toBe(b.account);
    expect(a.comment).not.toBe(b.comment);
  });

  it("refuses sizes that would repeat pairs", () => {
    expect(() => votePair(0, 9, 10)).toThrow(/gcd/);
  });
});
