import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url.ts";

const site = "https://tuiquan.example";

describe("safeCallbackPath (where a reader lands after sign-in)", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackPath("/essays/tuiquan?x=1#p-abc")).toBe("/essays/tuiquan?x=1#p-abc");
    expect(safeCallbackPath("/account")).toBe("/account");
    expect(safeCallbackPath(`${site}/account`, site)).toBe("/account");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/\tevil",
    "http://tuiquan.example/account", // another scheme is another origin
    "account",
    "",
    "/signin",
    "/signin/error?error=Verification",
  ])("falls back to / for %j", (value) => {
    expect(safeCallbackPath(value, site)).toBe("/");
  });

  it("refuses absolute URLs when it does not know the site", () => {
    expect(safeCallbackPath(`${site}/account`)).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
  });
});
