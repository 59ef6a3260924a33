import { describe, expect, it } from "vitest";
import { avatarLook, firstGrapheme, hashString, shortUserId } from "./avatar.ts";

describe("avatarLook", () => {
  it("is deterministic in the user id and independent of the name", () => {
    const a = avatarLook("user-1", "小明", "读");
    expect(avatarLook("user-1", "小明", "读")).toEqual(a);
    expect(avatarLook("user-1", "Ming", "读").hue).toBe(a.hue);
  });

  it("spreads different ids over the colour wheel", () => {
    const hues = new Set(Array.from({ length: 50 }, (_, index) => avatarLook(`cm${index}xyz`, null, "R").hue));
    expect(hues.size).toBeGreaterThan(35);
    for (const hue of hues) expect(hue).toBeGreaterThanOrEqual(0);
    for (const hue of hues) expect(hue).toBeLessThan(360);
  });

  it("shows the first character of the name, or the fallback", () => {
    expect(avatarLook("u", "退圈的人", "读").initial).toBe("退");
    expect(avatarLook("u", "alice", "R").initial).toBe("A");
    expect(avatarLook("u", null, "读").initial).toBe("读");
    expect(avatarLook("u", "   ", "R").initial).toBe("R");
  });
});

describe("firstGrapheme", () => {
  it("does not split an emoji or a surrogate pair", () => {
    expect(firstGrapheme("👩‍💻 coder")).toBe("👩‍💻");
    expect(firstGrapheme("𠮷野家")).toBe("𠮷");
  });
});

describe("hashString", () => {
  it("is FNV-1a", () => {
    expect(hashString("")).toBe(0x811c9dc5);
    expect(hashString("a")).toBe(0xe40c292c);
  });
});

describe("shortUserId", () => {
  it("takes the last four characters", () => {
    expect(shortUserId("clz9abcd1234")).toBe("1234");
  });
});
