import { describe, expect, it } from "vitest";
import { highlightSpans } from "./highlight-spans.ts";

const span = (start: number, end: number, term = "赌博") => ({ start, end, term });

describe("highlightSpans", () => {
  it("marks a term in the middle of Chinese running text", () => {
    expect(highlightSpans("欢迎来玩赌博游戏", [span(4, 6)])).toEqual([
      { text: "欢迎来玩", terms: [] },
      { text: "赌博", terms: ["赌博"] },
      { text: "游戏", terms: [] },
    ]);
  });

  it("marks a span with punctuation inside it as one piece, at the start and at the end", () => {
    expect(highlightSpans("办-证找我", [span(0, 3, "办证")])).toEqual([
      { text: "办-证", terms: ["办证"] },
      { text: "找我", terms: [] },
    ]);
    expect(highlightSpans("找我办证", [span(2, 4, "办证")]).map((piece) => piece.text)).toEqual(["找我", "办证"]);
  });

  it("merges overlapping spans and keeps both terms, in text order whatever the spans' order", () => {
    const pieces = highlightSpans("abcdefgh", [span(5, 7, "fg"), span(1, 4, "bcd"), span(3, 5, "de")]);
    expect(pieces).toEqual([
      { text: "a", terms: [] },
      { text: "bcde", terms: ["bcd", "de"] },
      { text: "fg", terms: ["fg"] },
      { text: "h", terms: [] },
    ]);
  });

  it("clips spans past the end of a text edited since, and keeps the text whole without spans", () => {
    expect(highlightSpans("短", [span(3, 9)])).toEqual([{ text: "短", terms: [] }]);
    expect(highlightSpans("短文", [span(1, 9)]).map((piece) => piece.text)).toEqual(["短", "文"]);
    expect(highlightSpans("", [])).toEqual([{ text: "", terms: [] }]);
  });

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
});
