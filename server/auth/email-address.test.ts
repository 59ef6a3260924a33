import { describe, expect, it } from "vitest";
import { parseEmailAddress } from "./email-address.ts";

describe("parseEmailAddress", () => {
  it("trims and lower-cases a valid address", () => {
    expect(parseEmailAddress("  Reader.Name+tag@Example.COM \n")).toEqual({ ok: true, email: "reader.name+tag@example.com" });
    expect(parseEmailAddress("li@mail.example.cn")).toEqual({ ok: true, email: "li@mail.example.cn" });
  });

  it.each([
    ["", "validation.emailRequired"],
    ["   ", "validation.emailRequired"],
    [undefined, "validation.emailRequired"],
    [42, "validation.emailRequired"],
    ["reader", "validation.emailInvalid"],
    ["reader@", "validation.emailInvalid"],
    ["@example.com", "validation.emailInvalid"],
    ["reader@example", "validation.emailInvalid"],
    ["a@b@example.com", "validation.emailInvalid"],
    ["reader@exa mple.com", "validation.emailInvalid"],
    ['"quoted"@example.com', "validation.emailInvalid"],
    ["reader@example.com, other@example.com", "validation.emailInvalid"],
    [".reader@example.com", "validation.emailInvalid"],
    [`${"a".repeat(65)}@example.com`, "validation.emailInvalid"],
    [`${"a".repeat(64)}@${"b".repeat(186)}.com`, "validation.emailTooLong"],
  ])("refuses %j with %s", (input, key) => {
    expect(parseEmailAddress(input)).toEqual({ ok: false, key });
  });

  it("accepts 254 characters, the most an address may have", () => {
    const address = `${"a".repeat(64)}@${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(63)}.com`;
    expect(address).toHaveLength(254);
    expect(parseEmailAddress(address)).toEqual({ ok: true, email: address });
  });
});
