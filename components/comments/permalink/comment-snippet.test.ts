import { describe, expect, it, vi } from "vitest";

// "server-only" throws outside a React Server Components build.
vi.mock("server-only", () => ({}));
const { commentSnippet } = await import("./comment-snippet.ts");

describe("a comment's snippet for the permalink page's title", () => {
  it("keeps only the text, entities decoded, blocks apart", () => {
    expect(commentSnippet("<p>退圈<strong>不是</strong>失败 &amp; <code>&lt;b&gt;</code></p><ul><li>一</li><li>二</li></ul>", 100)).toBe(
      "退圈不是失败 & <b> 一 二",
    );
  });

  it("cuts long text at a character, never half an emoji, and says so", () => {
    expect(commentSnippet("<p>一二三四五六</p>", 4)).toBe("一二三…");
    expect(commentSnippet("<p>😀😀😀😀😀</p>", 3)).toBe("😀😀…");
    expect(commentSnippet("<p>一二三</p>", 3)).toBe("一二三");
  });
});
