/**
 * A comment body as stored: what the reader typed, minus the characters that only ever hide,
 * spoof or break text. The handlers normalize first and check the length after, so a body of
 * 10,000 zero-width spaces is empty, not 10,000 characters. Why each rule: docs/comment-markdown.md.
 */

/** Bounds of a stored body, in code points (see commentBodyLength). */
export const commentBodyLimits = { min: 1, max: 10_000 } as const;

/**
 * Length of a body in Unicode code points: what PostgreSQL's char_length counts, so the limit
 * means the same in the handler and in the database. UTF-16 units would count 𠀀 (CJK
 * extension B) and most emoji twice; grapheme clusters would change with each Unicode version.
 */
export function commentBodyLength(body: string): number {
  let length = 0;
  for (const _codePoint of body) length += 1;
  return length;
}

// C0 controls except \t and \n, DEL, C1 controls (\r is turned into \n before this runs).
const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

// Invisible characters used to hide text, spoof names or reorder what a reader sees
// ("Trojan Source" bidi overrides): soft hyphen, Arabic letter mark, Mongolian vowel separator,
// zero-width space / non-joiner, left-to-right and right-to-left marks, bidi embeddings and
// overrides, word joiner and invisible operators, bidi isolates, byte order mark.
// The zero-width joiner (U+200D) is handled apart: see zeroWidthJoinerOutsideEmoji.
const invisibleCharacters =
  /[\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

// A ZWJ glues emoji into one picture (👩‍💻 is 👩 ZWJ 💻, 🏳️‍🌈 is 🏳 VS16 ZWJ 🌈, 👩🏽‍💻 has a skin
// tone before the ZWJ): removing it there would split the picture. Anywhere else it is invisible
// and only useful to disguise text, so it goes.
const zeroWidthJoinerOutsideEmoji =
  /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

// Unicode line and paragraph separators break lines in some renderers and not in others.
const lineSeparators = /\r\n?|[\u2028\u2029]/g;

// A line of nothing but whitespace (spaces, tabs, the ideographic space U+3000…) counts as blank.
const threeOrMoreBlankLines = /\n(?:[^\S\n]*\n){3,}/g;
const leadingBlankLines = /^(?:[^\S\n]*\n)+/;

// Half of a surrogate pair without its other half (possible in a JS string, from JSON "\ud800"):
// not text, and PostgreSQL refuses it.
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Normalize a raw comment body for storage and length checks.
 *
 * Leading blank lines and all trailing whitespace are trimmed, but not the leading spaces of the
 * first line: they carry meaning there (an indented code block, or 　　 paragraph indentation
 * in Chinese). A body of only whitespace still normalizes to "".
 */
export function normalizeCommentBody(raw: string): string {
  const cleaned = raw
    .replace(loneSurrogates, "\uFFFD")
    .replace(lineSeparators, "\n")
    .replace(controlCharacters, "")
    .replace(invisibleCharacters, "")
    .replace(zeroWidthJoinerOutsideEmoji, "")
    // After the removals, so that a removed character cannot keep two halves of a composed
    // character apart (e + ZWSP + ◌́ composes into é).
    .normalize("NFC");
  if (cleaned.trim() === "") return "";
  return cleaned.replace(leadingBlankLines, "").trimEnd().replace(threeOrMoreBlankLines, "\n\n\n");
}
