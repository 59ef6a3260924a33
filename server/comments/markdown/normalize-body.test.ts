import { describe, expect, it } from "vitest";
import { commentBodyLength, commentBodyLimits, normalizeCommentBody } from "./normalize-body.ts";

describe("normalizeCommentBody", () => {
  it("composes to NFC", () => {
    expect(normalizeCommentBody("e\u0301")).toBe("\u00e9");
    expect(normalizeCommentBody("\u1100\u1161")).toBe("\uac00");
  });

  it("composes across a removed invisible character", () => {
    expect(normalizeCommentBody("e\u200b\u0301")).toBe("\u00e9");
  });

  it("turns CRLF, CR and the Unicode line and paragraph separators into LF", () => {
    expect(normalizeCommentBody("a\r\nb\rc\u2028d\u2029e")).toBe("a\nb\nc\nd\ne");
  });

  it("removes C0 and C1 control characters but keeps newlines and tabs", () => {
    expect(normalizeCommentBody("a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg\th\ni")).toBe("abcdefg\th\ni");
  });

  it("removes zero-width, bidi and other invisible formatting characters", () => {
    const invisible = [
      "\u00ad", "\u061c", "\u180e", "\u200b", "\u200c", "\u200e", "\u200f",
      "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
      "\u2060", "\u2061", "\u2062", "\u2063", "\u2064",
      "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff",
    ];
    for (const character of invisible) {
      expect(normalizeCommentBody(`退${character}圈`), `U+${character.codePointAt(0)?.toString(16)}`).toBe("退圈");
    }
  });

  it("keeps a zero-width joiner inside an emoji sequence and removes it elsewhere", () => {
    const family = "👨\u200d👩\u200d👧";
    const technologist = "👩🏽\u200d💻";
    const rainbowFlag = "🏳\ufe0f\u200d🌈";
    const womanRunning = "🏃\u200d♀\ufe0f";
    for (const emoji of [family, technologist, rainbowFlag, womanRunning]) {
      expect(normalizeCommentBody(`看${emoji}看`)).toBe(`看${emoji}看`);
    }
    expect(normalizeCommentBody("退\u200d圈")).toBe("退圈");
    expect(normalizeCommentBody("👨\u200d圈")).toBe("👨圈");
    expect(normalizeCommentBody("退\u200d👩")).toBe("退👩");
    expect(normalizeCommentBody("\u200d👩")).toBe("👩");
    expect(normalizeCommentBody("👨\u200d\u200d👩")).toBe("👨👩");
  });

  it("replaces a lone surrogate with U+FFFD", () => {
    expect(normalizeCommentBody("a\ud800b\udc00c")).toBe("a\ufffdb\ufffdc");
    expect(normalizeCommentBody("𠀀")).toBe("𠀀");
  });

  it("trims leading blank lines and trailing whitespace but keeps the first line's indentation", () => {
    expect(normalizeCommentBody("\n \n\t\nhello \n\n ")).toBe("hello");
    expect(normalizeCommentBody("\n    indented code\n")).toBe("    indented code");
    expect(normalizeCommentBody("\u3000\u3000中文段首缩进")).toBe("\u3000\u3000中文段首缩进");
  });

  it("normalizes a body of only whitespace and invisible characters to the empty string", () => {
    expect(normalizeCommentBody("   \n\t\u3000\u200b\ufeff\u00a0 ")).toBe("");
    expect(normalizeCommentBody("\u200b".repeat(10_000))).toBe("");
  });

  it("collapses three or more blank lines to two", () => {
    expect(normalizeCommentBody("a\n\n\nb")).toBe("a\n\n\nb");
    expect(normalizeCommentBody("a\n\n\n\nb")).toBe("a\n\n\nb");
    expect(normalizeCommentBody("a\n \n\t\n\u3000\n\n\nb")).toBe("a\n\n\nb");
  });

  it("leaves ordinary text, Markdown and emoji as typed", () => {
    const text = "我觉得**作者**说得对。\n\n> 引用\n\n- 一\n- 二\n\n`code`\t😀 🇨🇳 1️⃣";
    expect(normalizeCommentBody(text)).toBe(text);
  });
});

describe("commentBodyLength", () => {
  it("counts code points, not UTF-16 units", () => {
    expect(commentBodyLength("退圈")).toBe(2);
    expect(commentBodyLength("𠀀😀")).toBe(2);
    expect("𠀀😀".length).toBe(4);
    expect(commentBodyLength("")).toBe(0);
  });

  it("lets 10,000 astral characters through the limit that 10,000 UTF-16 units would refuse", () => {
    const body = "😀".repeat(commentBodyLimits.max);
    expect(commentBodyLength(body)).toBe(commentBodyLimits.max);
    expect(commentBodyLength(body + "a")).toBe(commentBodyLimits.max + 1);
  });
});
