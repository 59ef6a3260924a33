/**
 * Comment Markdown → sanitized HTML, synchronously (the comment handlers call it inline).
 *
 * markdown-it renders the subset (./markdown-subset.ts); parse5 (hast-util-from-html) parses
 * that HTML exactly as a browser would; hast-util-sanitize keeps only our allowlist
 * (./sanitize-schema.ts); hast-util-to-html writes it back. The sanitizer is the last step on
 * purpose: the output is safe even if the Markdown parser had a bug.
 */
import { fromHtml } from "hast-util-from-html";
import { sanitize } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import { commentMarkdown } from "./markdown-subset.ts";
import { commentSanitizeSchema } from "./sanitize-schema.ts";

/** Renders a normalized comment body (normalizeCommentBody) to HTML safe to inject as is. */
export function renderCommentMarkdown(body: string): string {
  const html = commentMarkdown.render(body);
  const tree = fromHtml(html, { fragment: true });
  return toHtml(sanitize(tree, commentSanitizeSchema)).trim();
}
