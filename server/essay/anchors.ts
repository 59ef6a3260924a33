/**
 * Keys of the blocks that are not paragraphs: readable anchors usable as HTML ids.
 *
 * A heading's key is "s-" plus a GitHub-style slug of its text (lower-cased; letters of any script,
 * digits, hyphens and underscores kept; spaces become hyphens; other punctuation dropped), so a
 * Chinese heading keeps its Chinese words: "Web 3 已不再是我心中的白月光" → "s-web-3-已不再是我心中的白月光".
 * The "s-" prefix keeps section ids apart from paragraph ids ("p-<key>") and the page's own ids.
 * See docs/paragraph-keys.md for why headings are keyed by text and paragraphs by reconciliation.
 */

/** Long headings make long URLs; 60 code points still reads as the heading. */
const maxSlugLength = 60;

export function textSlug(text: string): string {
  const slug = Array.from(
    text
      .normalize("NFC")
      .toLowerCase()
      .trim()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
      .replace(/ +/g, "-"),
  )
    .slice(0, maxSlugLength)
    .join("")
    .replace(/^-+|-+$/g, "");
  return slug;
}

/** Hands out keys made from a prefix and a text, with "-2", "-3"… for repeats within one essay. */
export class AnchorKeys {
  private readonly taken = new Set<string>();

  constructor(private readonly prefix: string) {}

  next(text: string, fallback: string): string {
    const base = `${this.prefix}${textSlug(text) || fallback}`;
    let key = base;
    for (let n = 2; this.taken.has(key); n += 1) key = `${base}-${n}`;
    this.taken.add(key);
    return key;
  }
}
