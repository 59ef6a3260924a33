/**
 * Gives parsed blocks their paragraph keys, reconciled with the blocks stored at the previous seed.
 * Paragraphs of the body and of notes share one sequence, in reading order.
 */
import type { DraftBlock, DraftParagraph } from "./parse.ts";
import { reconcileParagraphKeys, type KeyReconciliation, type KeyedText } from "./paragraph-keys.ts";
import type { EssayBlock } from "./types.ts";

export function keyBlocks(drafts: readonly DraftBlock[], storedBlocks: unknown): { blocks: EssayBlock[]; keys: KeyReconciliation } {
  const paragraphs: DraftParagraph[] = drafts.flatMap((block) =>
    block.type === "paragraph" ? [block] : block.type === "note" ? block.paragraphs : [],
  );
  const keys = reconcileParagraphKeys(
    paragraphs.map((p) => p.text),
    storedParagraphs(storedBlocks),
  );
  let next = 0;
  const keyed = (p: DraftParagraph) => ({ key: keys.keys[next++]!, children: p.children, text: p.text });
  const blocks = drafts.map((block): EssayBlock => {
    switch (block.type) {
      case "paragraph":
        return { type: "paragraph", ...keyed(block) };
      case "note":
        return { type: "note", key: block.key, paragraphs: block.paragraphs.map(keyed) };
      default:
        return block;
    }
  });
  return { blocks, keys };
}

/** The keyed paragraphs of stored blocks, read defensively: the column is JSON from an earlier seed. */
export function storedParagraphs(blocks: unknown): KeyedText[] {
  if (!Array.isArray(blocks)) return [];
  const isKeyedText = (value: unknown): value is KeyedText =>
    typeof value === "object" && value !== null && typeof (value as KeyedText).key === "string" && typeof (value as KeyedText).text === "string";
  return blocks.flatMap((block: unknown): KeyedText[] => {
    if (typeof block !== "object" || block === null) return [];
    const { type, paragraphs } = block as { type?: unknown; paragraphs?: unknown };
    if (type === "paragraph" && isKeyedText(block)) return [{ key: block.key, text: block.text }];
    if (type === "note" && Array.isArray(paragraphs)) return paragraphs.filter(isKeyedText).map((p) => ({ key: p.key, text: p.text }));
    return [];
  });
}
