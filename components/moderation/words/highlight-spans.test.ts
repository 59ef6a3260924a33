import { expect, it } from "vitest";
import { highlightSpans } from "./highlight-spans.ts";

it("cuts a sentence into plain and marked pieces that join back into it, merging overlaps", () => {
  const text = "朋友说他能辦 證，还说赌博也行。";
  const pieces = highlightSpans(text, [
    { start: 11, end: 13, term: "赌博" },
    { start: 5, end: 8, term: "办证" },
    { start: 6, end: 8, term: "证" },
  ]);
  expect(pieces).toEqual([
    { text: "朋友说他能", terms: [] },
    { text: "辦 證", terms: ["办证", "证"] },
    { text: "，还说", terms: [] },
    { text: "赌博", terms: ["赌博"] },
    { text: "也行。", terms: [] },
  ]);
  expect(pieces.map((p) => p.text).join("")).toBe(text);
  expect(highlightSpans("abc", [{ start: 2, end: 9, term: "x" }])).toEqual([
    { text: "ab", terms: [] },
    { text: "c", terms: ["x"] },
  ]);
});
