/** A suppressed cell or total reads as words and never as its number. */
import { describe, expect, it } from "vitest";
import { cellText, totalText, type BreakdownWords } from "./breakdown-labels.ts";

const words: BreakdownWords = { count: (value) => `${value}`, fewerThan: (threshold) => `fewer than ${threshold}`, hidden: "hidden", withheld: "not shown" };

describe("breakdown labels", () => {
  it("says a count, 'fewer than 5', or 'hidden'", () => {
    expect(cellText({ kind: "count", value: 12 }, words)).toBe("12");
    expect(cellText({ kind: "fewerThan", threshold: 5 }, words)).toBe("fewer than 5");
    expect(cellText({ kind: "hidden" }, words)).toBe("hidden");
  });

  it("says 'not shown' for a withheld total, including a total of 0 shown as 0", () => {
    expect(totalText(null, words)).toBe("not shown");
    expect(totalText(0, words)).toBe("0");
  });
});
