/**
 * Which link targets a comment may have: absolute http, https and mailto URLs, nothing else.
 * Relative links would point into this site from a stranger's words; every other scheme
 * (javascript:, data:, vbscript:, file:, intent: …) is either dangerous or useless to a reader.
 */
const allowedSchemes = new Set(["http:", "https:", "mailto:"]);
const leadingScheme = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * Whether a link the reader wrote may stay a link; when not, the Markdown shows as text.
 * `url` is the destination as Markdown decoded it (escapes and character references resolved),
 * so `jav&#x61;script:` arrives here as `javascript:` and is refused like it. The scheme must
 * open the string: a URL parser would forgive leading spaces or controls, we do not.
 */
export function isAllowedCommentLink(url: string): boolean {
  const scheme = leadingScheme.exec(url)?.[0].toLowerCase();
  if (scheme === undefined || !allowedSchemes.has(scheme)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === scheme && (scheme === "mailto:" || parsed.hostname !== "");
}
