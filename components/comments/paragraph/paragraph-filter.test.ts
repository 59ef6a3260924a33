import { describe, expect, it } from "vitest";
import { paragraphFromSearch, urlWithParagraph } from "./paragraph-filter.ts";

describe("the paragraph filter in the URL", () => {
  it("reads a paragraph key, and nothing else", () => {
    expect(paragraphFromSearch("?paragraph=pghkflbk")).toBe("pghkflbk");
    expect(paragraphFromSearch("?sort=newest&paragraph=a_b-1")).toBe("a_b-1");
    expect(paragraphFromSearch("")).toBeNull();
    expect(paragraphFromSearch("?paragraph=")).toBeNull();
    expect(paragraphFromSearch("?paragraph=%3Cscript%3E")).toBeNull();
    expect(paragraphFromSearch(`?paragraph=${"x".repeat(65)}`)).toBeNull();
  });

  it("sets and clears it, keeping the rest of the address and landing at #comments", () => {
    expect(urlWithParagraph("http://localhost/?sort=newest#p-abc", "abc")).toBe("http://localhost/?sort=newest&paragraph=abc#comments");
    expect(urlWithParagraph("http://localhost/?sort=newest&paragraph=abc", null)).toBe("http://localhost/?sort=newest#comments");
    expect(urlWithParagraph("http://localhost/essays/x?paragraph=old", "new")).toBe("http://localhost/essays/x?paragraph=new#comments");
  });
});
