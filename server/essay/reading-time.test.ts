import { describe, expect, it } from "vitest";
import { countReadingUnits, readingMinutes } from "./reading-time.ts";

describe("reading time", () => {
  it("counts Chinese characters and Latin words, not punctuation or spaces", () => {
    expect(countReadingUnits("这样说的人显然不懂 Web 3。“钱”才是目的,don't panic!")).toEqual({ cjkCharacters: 14, latinWords: 4 });
  });

  it("reads 400 Chinese characters or 200 Latin words a minute, rounded up", () => {
    expect(readingMinutes(["字".repeat(400)])).toBe(1);
    expect(readingMinutes(["字".repeat(401)])).toBe(2);
    expect(readingMinutes(["word ".repeat(200)])).toBe(1);
    expect(readingMinutes(["字".repeat(200), "word ".repeat(100)])).toBe(1);
    expect(readingMinutes(["字".repeat(200), "word ".repeat(101)])).toBe(2);
  });

  it("is at least one minute", () => {
    expect(readingMinutes([])).toBe(1);
    expect(readingMinutes(["。"])).toBe(1);
  });
});
