/**
 * A generated avatar: the first character of the display name on a colour derived from the user
 * id. Our own twenty lines rather than an identicon package: a Chinese reader's avatar then shows
 * a character of their name (which a geometric identicon cannot), it is the same on the server
 * and in the browser, and it costs no dependency or SVG per comment. The colour comes from the id,
 * not the name, so it stays put when a reader renames themselves.
 */

export interface AvatarLook {
  /** One character (a grapheme, so an emoji or a CJK character is not split). */
  initial: string;
  /** An OKLCH hue in degrees; the component sets lightness per theme so contrast holds in both. */
  hue: number;
}

/** FNV-1a: a small, well-spread string hash (http://www.isthe.com/chongo/tech/comp/fnv/). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function firstGrapheme(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return "";
  if (typeof Intl !== "undefined" && "Segmenter" in Intl) {
    const first = new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(trimmed)[Symbol.iterator]().next();
    if (!first.done) return first.value.segment.toUpperCase();
  }
  return Array.from(trimmed)[0]!.toUpperCase();
}

/** `fallbackInitial` is used for a reader without a display name (e.g. "读" or "R"). */
export function avatarLook(userId: string, name: string | null, fallbackInitial: string): AvatarLook {
  return { initial: (name && firstGrapheme(name)) || fallbackInitial, hue: hashString(userId) % 360 };
}

/** "读者 3f9a": the name shown for a reader who has not chosen one. */
export function shortUserId(userId: string): string {
  return userId.slice(-4);
}
