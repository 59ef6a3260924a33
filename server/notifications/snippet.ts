/**
 * A short plain-text preview of a comment for the notification list: its Markdown parsed (the
 * same CommonMark parser the essay uses) and only the text kept, so `**bold**`, links and code
 * fences read as words, never as markup.
 */
import { fromMarkdown } from "mdast-util-from-markdown";

export const snippetLength = 120;

/** Longer bodies are cut before parsing: a preview never needs more, and parsing stays cheap. */
const parseAtMost = snippetLength * 20;

type Node = { type: string; value?: string; alt?: string | null; children?: Node[] };

/** Inline nodes flow into their neighbours; every other node (paragraph, item, code block, break) ends with a space. */
const inline = new Set(["text", "inlineCode", "strong", "emphasis", "link", "linkReference"]);

function collectText(node: Node, out: string[]): void {
  // Raw HTML is not part of the comment subset: it is shown as the text the reader typed.
  if (typeof node.value === "string") out.push(node.value);
  for (const child of node.children ?? []) collectText(child, out);
  if (!inline.has(node.type)) out.push(" ");
}

/** At most `snippetLength` characters (code points, so no half emoji), "…" when cut. */
export function commentSnippet(markdown: string): string {
  const parts: string[] = [];
  collectText(fromMarkdown(markdown.slice(0, parseAtMost)) as Node, parts);
  // CommonMark has no strikethrough (a GFM extension the comment subset adds): drop its markers.
  const text = parts.join("").replace(/~~/g, "").replace(/\s+/g, " ").trim();
  const chars = [...text];
  return chars.length <= snippetLength ? text : `${chars.slice(0, snippetLength - 1).join("").trimEnd()}…`;
}
