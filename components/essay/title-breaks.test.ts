import { describe, expect, it } from "vitest";
import { titleSegments } from "./title-breaks.ts";

describe("titleSegments", () => {
  it("lets the essay's title wrap only between words a reader would pause at", () => {
    expect(titleSegments("第一批00后Web3打工人已经开始“退圈”了")).toEqual(["第一批00后", "Web3", "打工人已经开始", "“退圈”了"]);
  });

  it("keeps a title without Latin words or quotes whole (it wraps only when it must)", () => {
    expect(titleSegments("看山不是山，看水不是水")).toEqual(["看山不是山，看水不是水"]);
  });

  it("breaks before an opening bracket and after a Latin word followed by Han text", () => {
    expect(titleSegments("从DeFi到《周易》")).toEqual(["从", "DeFi", "到", "《周易》"]);
  });

  it("loses no character", () => {
    const title = "Web 3 已不再是我心中的白月光（上）";
    expect(titleSegments(title).join("")).toBe(title);
  });
});
