import { describe, expect, it } from "vitest";
import { canonicalMailbox } from "./canonical-mailbox.ts";

describe("canonicalMailbox: every spelling of one inbox counts as one", () => {
  it("ignores letter case and a +tag on any domain", () => {
    expect(canonicalMailbox("Reader@Example.ORG")).toBe("reader@example.org");
    expect(canonicalMailbox("reader+one@example.org")).toBe("reader@example.org");
    expect(canonicalMailbox("reader+a+b@example.org")).toBe("reader@example.org");
  });

  it("ignores dots only at Gmail, whose two domains are one mailbox", () => {
    expect(canonicalMailbox("Fan.Zhou+x@gmail.com")).toBe("fanzhou@gmail.com");
    expect(canonicalMailbox("f.a.n.zhou@googlemail.com")).toBe("fanzhou@gmail.com");
    expect(canonicalMailbox("fan.zhou@example.org")).toBe("fan.zhou@example.org");
  });

  it("keeps a local part that is only a tag as it is", () => {
    expect(canonicalMailbox("+tag@example.org")).toBe("+tag@example.org");
  });
});
