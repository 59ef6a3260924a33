/**
 * A comment's opening words as plain text, for the permalink page's <title> and description:
 * its sanitized HTML parsed (hast-util-from-html, which the Markdown renderer already uses) and
 * only the text kept, so entities decode and markup never shows.
 */
import "server-only";
import { fromHtml } from "hast-util-from-html";
import type { Nodes } from "hast";

/** Block elements end with a space, so "<p>a</p><p>b</p>" reads "a b", not "ab". */
const blocks = new Set(["p", "li", "blockquote", "pre", "br", "ul", "ol"]);

function collectText(node: Nodes, out: string[]): void {
  if (node.type === "text") out.push(node.value);
  if ("children" in node) for (const child of node.children) collectText(child, out);
  if (node.type === "element" && blocks.has(node.tagName)) out.push(" ");
}

/** At most `length` characters (code points, so no half emoji), "…" when cut. */
export function commentSnippet(html: string, length: number): string {
  const parts: string[] = [];
  collectText(fromHtml(html, { fragment: true }), parts);
  const text = parts.join("").replace(/\s+/g, " ").trim();
  const chars = [...text];
  return chars.length <= length ? text : `${chars.slice(0, length - 1).join("").trimEnd()}…`;
}
