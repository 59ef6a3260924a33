import { describe, expect, it } from "vitest";
import { sortFromSearch, urlWithSort } from "./sort.ts";

describe("sort in the URL", () => {
  it("reads a known sort and falls back to top", () => {
    expect(sortFromSearch("?sort=newest")).toBe("newest");
    expect(sortFromSearch("?sort=oldest&x=1")).toBe("oldest");
    expect(sortFromSearch("?sort=bogus")).toBe("top");
    expect(sortFromSearch("")).toBe("top");
  });

  it("writes it, leaving out the default and keeping the rest", () => {
    expect(urlWithSort("http://x.test/?a=1#comments", "newest")).toBe("/?a=1&sort=newest#comments");
    expect(urlWithSort("http://x.test/?sort=newest#comments", "top")).toBe("/#comments");
  });
});
