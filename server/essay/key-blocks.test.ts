import { describe, expect, it } from "vitest";
import { keyBlocks, storedParagraphs } from "./key-blocks.ts";
import type { DraftBlock } from "./parse.ts";

const text = (value: string) => ({ children: [{ type: "text" as const, value }], text: value });
const drafts: DraftBlock[] = [
  { type: "paragraph", ...text("第一段。") },
  { type: "heading", key: "s-标题", level: 2, text: "标题" },
  { type: "paragraph", ...text("第二段。") },
  { type: "note", key: "note", paragraphs: [text("注:文中人名均为化名。")] },
];

describe("keyBlocks", () => {
  it("keys the body's and the note's paragraphs as one sequence, leaving other keys alone", () => {
    const { blocks, keys } = keyBlocks(drafts, null);
    expect(keys).toMatchObject({ added: 3, unchanged: 0 });
    expect(blocks[1]).toEqual(drafts[1]);
    const note = blocks[3];
    if (note?.type !== "note") throw new Error("note expected");
    expect(note.key).toBe("note");
    expect(note.paragraphs[0]!.key).toBe(keys.keys[2]);
    expect(blocks[0]).toMatchObject({ type: "paragraph", key: keys.keys[0], text: "第一段。" });
  });

  it("reuses the stored keys, including the note's", () => {
    const first = keyBlocks(drafts, null);
    const again = keyBlocks(drafts, JSON.parse(JSON.stringify(first.blocks)));
    expect(again.blocks).toEqual(first.blocks);
    expect(again.keys).toMatchObject({ unchanged: 3, added: 0, removed: 0 });
  });

  it("reads stored blocks defensively, ignoring what is not a keyed paragraph", () => {
    expect(storedParagraphs(null)).toEqual([]);
    expect(storedParagraphs({ type: "paragraph" })).toEqual([]);
    expect(
      storedParagraphs([
        { type: "paragraph", key: "aaaaaaaa", text: "一", children: [] },
        { type: "paragraph", key: 3, text: "二" },
        { type: "heading", key: "s-x", text: "x" },
        { type: "note", key: "note", paragraphs: [{ key: "bbbbbbbb", text: "注" }, "junk"] },
        null,
      ]),
    ).toEqual([
      { key: "aaaaaaaa", text: "一" },
      { key: "bbbbbbbb", text: "注" },
    ]);
  });
});
