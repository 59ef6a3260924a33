/** CSV cells and documents: RFC 4180 quoting, formula neutralizing, the byte-order mark, CRLF. */
import { describe, expect, it } from "vitest";
import { csvCell, csvDocument } from "./csv.ts";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["已经完全退圈", "已经完全退圈"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rlf", '"cr\rlf"'],
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@cmd", "'@cmd"],
    ["\tTAB", "'\tTAB"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["a=b", "a=b"],
    ["", ""],
  ])("writes %j as %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("writes numbers as they are and null as an empty cell", () => {
    expect(csvCell(12)).toBe("12");
    expect(csvCell(0.6667)).toBe("0.6667");
    expect(csvCell(null)).toBe("");
  });
});

describe("csvDocument", () => {
  it("starts with a BOM and ends every line with CRLF", () => {
    const text = csvDocument([["a", 1], [], ["中文", "x,y"]]);
    expect(text).toBe('\uFEFFa,1\r\n\r\n中文,"x,y"\r\n');
    const bytes = Buffer.from(text, "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
