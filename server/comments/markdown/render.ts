/**
 * Comment Markdown → sanitized HTML. PLACEHOLDER (escapes everything) until the Markdown subset lands.
 */
export function renderCommentMarkdown(body: string): string {
  const escaped = body.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return escaped
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join("");
}
