/**
 * Which keys the composer acts on. Chinese, Japanese and Korean input methods use Enter to
 * commit a composition: a keydown during composition (isComposing, or keyCode 229 in browsers
 * that report composition that way) must never submit. Plain Enter is a new line; only
 * Ctrl+Enter (⌘+Enter on a Mac) submits.
 */
export interface ComposerKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  isComposing: boolean;
  keyCode: number;
}

export function isSubmitShortcut(event: ComposerKey): boolean {
  if (event.isComposing || event.keyCode === 229) return false;
  return event.key === "Enter" && (event.ctrlKey || event.metaKey);
}

/** The body limit after trimming (the server's rule, server/comments/markdown/normalize-body.ts). */
export const bodyLimit = 10_000;
/** The counter appears this close to the limit, so it does not nag while there is room. */
export const counterFrom = 9_000;

/** Characters as the server counts them: code points of the NFC text, without outer whitespace. */
export function bodyLength(text: string): number {
  return [...text.normalize("NFC").trim()].length;
}
