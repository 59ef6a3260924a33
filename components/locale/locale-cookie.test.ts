import { describe, expect, it } from "vitest";
import { localeCookieString } from "./locale-cookie.ts";

describe("the language cookie", () => {
  it("lasts a year on every path and is sent on top-level navigation", () => {
    expect(localeCookieString("en", false)).toBe("NEXT_LOCALE=en; Max-Age=31536000; Path=/; SameSite=Lax");
  });

  it("is Secure on https sites", () => {
    expect(localeCookieString("zh", true)).toMatch(/; Secure$/);
  });
});
