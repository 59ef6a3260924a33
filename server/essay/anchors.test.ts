import { describe, expect, it } from "vitest";
import { AnchorKeys, textSlug } from "./anchors.ts";

describe("section anchors", () => {
  it("keep Chinese words and Latin words, drop punctuation, join words with hyphens", () => {
    expect(textSlug("Web 3 已不再是我心中的白月光")).toBe("web-3-已不再是我心中的白月光");
    expect(textSlug("看山不是山,看水不是水")).toBe("看山不是山看水不是水");
    expect(textSlug("  “退圈”:why? ")).toBe("退圈why");
  });

  it("stay short, and never start or end with a hyphen", () => {
    const slug = textSlug(`${"长".repeat(59)} tail`);
    expect(Array.from(slug)).toHaveLength(59);
    expect(slug).not.toMatch(/^-|-$/);
  });

  it("fall back when a heading has no letters, and number repeats", () => {
    const keys = new AnchorKeys("s-");
    expect([keys.next("!!!", "section"), keys.next("小结", "section"), keys.next("小结", "section"), keys.next("——", "section")]).toEqual([
      "s-section",
      "s-小结",
      "s-小结-2",
      "s-section-2",
    ]);
  });
});
