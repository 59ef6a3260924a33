/**
 * The comment Markdown subset as a configured markdown-it: what it parses, what it leaves as the
 * text the reader typed. Why each choice: docs/comment-markdown.md.
 */
import MarkdownIt from "markdown-it";
import { isAllowedCommentLink } from "./link-policy.ts";

export const commentMarkdown = new MarkdownIt("default", {
  // Raw HTML is text: `<b>` shows as "<b>", escaped.
  html: false,
  // A single newline is a line break: Chinese readers expect the lines they typed.
  breaks: true,
  // Bare URLs and e-mail addresses become links (linkify-it ends them at CJK punctuation,
  // so "见https://example.com，谢谢" links only the URL).
  linkify: true,
  typographer: false,
  // Deeper quotes and lists stop being parsed (their text is dropped by markdown-it): keeps
  // the HTML tree shallow for the sanitizer and every reader's browser.
  maxNesting: 32,
})
  // Outside the subset, left as literal text: headings (`# x` stays a paragraph starting with
  // "#"), thematic breaks, tables, link reference definitions (so `[x]: url` is text) and raw HTML.
  .disable(["heading", "lheading", "hr", "table", "reference", "html_block", "html_inline"]);

// Only http, https and mailto links; any other `[text](url)` stays as its Markdown text.
commentMarkdown.validateLink = isAllowedCommentLink;

// markdown-it does not ask validateLink about an empty destination (`[x]()` is a link to ""):
// unwrap every link whose href is not allowed, keeping its text.
commentMarkdown.core.ruler.push("comment_links", (state) => {
  for (const block of state.tokens) {
    if (block.type !== "inline" || block.children === null) continue;
    const unwrapped: boolean[] = [];
    block.children = block.children.filter((token) => {
      if (token.type === "link_open") {
        const unwrap = !isAllowedCommentLink(String(token.attrGet("href") ?? ""));
        unwrapped.push(unwrap);
        return !unwrap;
      }
      if (token.type === "link_close") return !unwrapped.pop();
      return true;
    });
  }
});

// The sanitizer compares schemes case-sensitively, so HTTPS://… would lose its href there.
const normalizeLink = commentMarkdown.normalizeLink.bind(commentMarkdown);
commentMarkdown.normalizeLink = (url) =>
  normalizeLink(url).replace(/^[A-Za-z][A-Za-z0-9+.-]*:/, (scheme) => scheme.toLowerCase());

// No images: they would load a stranger's URL in every reader's browser. An image shows as its
// alt text, or as its address in plain text when it has none.
commentMarkdown.renderer.rules.image = (tokens, index, options, env, self) => {
  const token = tokens[index];
  if (token === undefined) return "";
  const alt = self.renderInlineAsText(token.children ?? [], options, env);
  return commentMarkdown.utils.escapeHtml(alt !== "" ? alt : String(token.attrGet("src") ?? ""));
};

// ~~x~~ is deleted text, <del> as in GitHub's Markdown (markdown-it writes <s>).
commentMarkdown.renderer.rules.s_open = () => "<del>";
commentMarkdown.renderer.rules.s_close = () => "</del>";
