import { describe, expect, it } from "vitest";
import { reportWeight } from "./flag-weight.ts";

describe("reportWeight", () => {
  it.each([
    [{ upheld: 0, dismissed: 0, isNewAccount: false }, 1],
    [{ upheld: 0, dismissed: 0, isNewAccount: true }, 0.5],
    [{ upheld: 8, dismissed: 0, isNewAccount: false }, 1.8],
    [{ upheld: 98, dismissed: 0, isNewAccount: false }, 1.98],
    [{ upheld: 0, dismissed: 2, isNewAccount: false }, 0.5],
    [{ upheld: 0, dismissed: 50, isNewAccount: false }, 0.2],
    [{ upheld: 5, dismissed: 5, isNewAccount: false }, 1],
    [{ upheld: 0, dismissed: 50, isNewAccount: true }, 0.1],
  ])("%o weighs %d", (record, weight) => {
    expect(reportWeight(record)).toBe(weight);
  });
});
