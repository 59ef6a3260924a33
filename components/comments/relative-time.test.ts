import { describe, expect, it } from "vitest";
import { nextRelativeTimeChange, relativeTimeChoice } from "./relative-time.ts";

const now = new Date("2026-11-25T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const minute = 60_000;

describe("relativeTimeChoice", () => {
  it("says just now under a minute, and for a clock slightly ahead", () => {
    expect(relativeTimeChoice(ago(0), now)).toEqual({ kind: "justNow" });
    expect(relativeTimeChoice(ago(59_999), now)).toEqual({ kind: "justNow" });
    expect(relativeTimeChoice(ago(-5_000), now)).toEqual({ kind: "justNow" });
  });

  it("counts whole minutes, hours and days in the past", () => {
    expect(relativeTimeChoice(ago(minute), now)).toEqual({ kind: "relative", value: -1, unit: "minute" });
    expect(relativeTimeChoice(ago(59 * minute + 59_000), now)).toEqual({ kind: "relative", value: -59, unit: "minute" });
    expect(relativeTimeChoice(ago(60 * minute), now)).toEqual({ kind: "relative", value: -1, unit: "hour" });
    expect(relativeTimeChoice(ago(23 * 60 * minute), now)).toEqual({ kind: "relative", value: -23, unit: "hour" });
    expect(relativeTimeChoice(ago(24 * 60 * minute), now)).toEqual({ kind: "relative", value: -1, unit: "day" });
    expect(relativeTimeChoice(ago(6 * 24 * 60 * minute), now)).toEqual({ kind: "relative", value: -6, unit: "day" });
  });

  it("shows the date after a week, with the year only when it differs", () => {
    expect(relativeTimeChoice(ago(7 * 24 * 60 * minute), now)).toEqual({ kind: "date", sameYear: true });
    expect(relativeTimeChoice(new Date("2025-03-01T00:00:00Z"), now)).toEqual({ kind: "date", sameYear: false });
  });
});

describe("nextRelativeTimeChange", () => {
  it("waits until the shown words would change", () => {
    expect(nextRelativeTimeChange(ago(10_000), now)).toBe(50_000);
    expect(nextRelativeTimeChange(ago(5 * minute + 30_000), now)).toBe(30_000);
    expect(nextRelativeTimeChange(ago(90 * minute), now)).toBe(30 * minute);
    expect(nextRelativeTimeChange(ago(8 * 24 * 60 * minute), now)).toBeNull();
  });
});
