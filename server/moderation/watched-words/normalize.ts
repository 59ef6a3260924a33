/**
 * The normalized form in which terms, allow phrases and texts are compared, with a map from each
 * normalized UTF-16 unit back to the span of the original text it came from.
 *
 * Per code point of the original (docs/watched-words.md has the reasons):
 * 1. default-ignorable and format characters (zero-width space/joiners, soft hyphen, variation
 *    selectors, bidi controls, Hangul fillers…) and combining marks are dropped: they cannot
 *    separate a term, and a highlight still covers them when they sit inside one;
 * 2. NFKC (full-width ＡＢＣ → abc, ① → 1, compatibility ideographs → unified ones), then
 *    lower-casing (String.prototype.toLowerCase: locale-independent, close to simple case
 *    folding for the scripts we watch);
 * 3. whitespace, punctuation, symbols (emoji included) and control characters become a gap:
 *    skipped, so "办 证", "办-证" and "办🙂证" read as 办证, but remembered, so a Latin term can
 *    still require a word boundary there;
 * 4. Latin, Greek and Cyrillic letters lose their diacritics and fold to a Latin skeleton
 *    (lookalikes.ts); traditional Chinese folds to simplified (chinese-variants.ts).
 *
 * Each step maps one code point to zero or more units, and every unit keeps the original span of
 * its code point, so a match in normalized space maps back to an exact original span.
 *
 * Cost: one memoized table look-up per code point of the text, nothing allocated per call (the
 * result lives in buffers reused by the next call: read it before normalizing again).
 */
import { lookalikeLetters, lookalikeSymbols } from "./lookalikes.ts";
import { toSimplifiedCodePoint } from "./chinese-variants.ts";

const ignorable = /^[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Mn}\p{Me}]$/u;
const separator = /^[\p{P}\p{S}\p{Z}\p{Cc}\p{Co}\p{Cn}\p{Cs}]$/u;
const alphabetic = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]$/u;
const wordCharacter = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]$/u;

/** In a folded string, a space stands for a gap (a space is never kept as content). */
const GAP = " ";
/** A folded string starting with this marks a look-alike symbol; its letter follows. */
const SYMBOL = "\u0001";

function foldCharacter(c: string): string {
  if (ignorable.test(c)) return "";
  if (separator.test(c)) return GAP;
  let folded = c;
  if (alphabetic.test(folded)) folded = folded.normalize("NFD").replace(/\p{M}/gu, "");
  let out = "";
  for (const d of folded) out += lookalikeLetters.get(d) ?? toSimplifiedCodePoint(d);
  return out;
}

function foldCodePointUncached(codePoint: number): string {
  const c = String.fromCodePoint(codePoint);
  if (ignorable.test(c)) return "";
  const compatible = c.normalize("NFKC").toLowerCase();
  const symbol = lookalikeSymbols.get(compatible);
  if (symbol) return SYMBOL + symbol;
  let out = "";
  for (const d of compatible) out += foldCharacter(d);
  return out;
}

const basicPlane: (string | undefined)[] = new Array(0x10000);
const otherPlanes = new Map<number, string>();

/** The folded form of one code point: "" when dropped, GAP-marked or SYMBOL-marked otherwise. */
function foldCodePoint(codePoint: number): string {
  if (codePoint < 0x10000) {
    let folded = basicPlane[codePoint];
    if (folded === undefined) basicPlane[codePoint] = folded = foldCodePointUncached(codePoint);
    return folded;
  }
  let folded = otherPlanes.get(codePoint);
  if (folded === undefined) {
    folded = foldCodePointUncached(codePoint);
    // Planes beyond the first are sparse in real text; bound the memo against a hostile sweep.
    if (otherPlanes.size < 50_000) otherPlanes.set(codePoint, folded);
  }
  return folded;
}

/** Whether a code point is invisible (format character, joiner, selector, combining mark). */
export function isIgnorableCodePoint(codePoint: number): boolean {
  return foldCodePoint(codePoint).length === 0;
}

const wordUnits = new Int8Array(0x10000).fill(-1);

/**
 * Whether a normalized unit is a letter or digit of an alphabetic script (after folding: Latin
 * letters, digits and the Greek/Cyrillic letters without a Latin look-alike). Terms written only
 * in these need a word boundary on each side; the surrogates of CJK extension characters are not.
 */
export function isWordUnit(unit: number): boolean {
  let known = wordUnits[unit]!;
  if (known === -1) {
    known = unit >= 0xd800 && unit <= 0xdfff ? 0 : wordCharacter.test(String.fromCharCode(unit)) ? 1 : 0;
    wordUnits[unit] = known;
  }
  return known === 1;
}

export interface NormalizedText {
  /** Number of normalized units; the arrays below may be longer (reused buffers). */
  length: number;
  units: Uint16Array;
  /** Original span [originalStart[k], originalEnd[k]) of the code point unit k came from. */
  originalStart: Int32Array;
  originalEnd: Int32Array;
  /** 1 when at least one gap (space, punctuation, symbol) was skipped right before unit k. */
  gapBefore: Uint8Array;
}

const buffers: NormalizedText = {
  length: 0,
  units: new Uint16Array(4096),
  originalStart: new Int32Array(4096),
  originalEnd: new Int32Array(4096),
  gapBefore: new Uint8Array(4096),
};

function ensureCapacity(capacity: number) {
  if (buffers.units.length >= capacity) return;
  const size = Math.max(capacity, buffers.units.length * 2);
  const grow = <T extends Uint16Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T) => {
    const next = make(size);
    next.set(old);
    return next;
  };
  buffers.units = grow(buffers.units, (n) => new Uint16Array(n));
  buffers.originalStart = grow(buffers.originalStart, (n) => new Int32Array(n));
  buffers.originalEnd = grow(buffers.originalEnd, (n) => new Int32Array(n));
  buffers.gapBefore = grow(buffers.gapBefore, (n) => new Uint8Array(n));
}

/** Look-alike symbols waiting for the next character to tell whether they stand for letters. */
const pendingStart: number[] = [];
const pendingEnd: number[] = [];
const pendingLetter: number[] = [];

/**
 * Normalizes `text`; the result is valid until the next call (its buffers are reused).
 */
export function normalizeText(text: string): NormalizedText {
  let n = 0;
  let gap = false;
  let previousIsWord = false;
  ensureCapacity(text.length * 2 + 16);

  const emit = (unit: number, start: number, end: number) => {
    if (n >= buffers.units.length) ensureCapacity(n + 1);
    buffers.units[n] = unit;
    buffers.originalStart[n] = start;
    buffers.originalEnd[n] = end;
    buffers.gapBefore[n] = gap ? 1 : 0;
    n++;
    gap = false;
  };

  const settlePending = (nextIsWord: boolean) => {
    // Inside a word ("f@g", "a$$hole", "sh!t") every symbol is its letter; at the start of a word
    // only "$" is ("$hit"), since "@name" and "!!!word" are punctuation far more often.
    const insideWord = nextIsWord && previousIsWord && !gap;
    for (let k = 0; k < pendingStart.length; k++) {
      const letter = pendingLetter[k]!;
      if (nextIsWord && (insideWord || letter === 0x73)) emit(letter, pendingStart[k]!, pendingEnd[k]!);
      else gap = true;
    }
    pendingStart.length = pendingEnd.length = pendingLetter.length = 0;
  };

  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i)!;
    const size = codePoint > 0xffff ? 2 : 1;
    const folded = foldCodePoint(codePoint);
    if (folded.length === 0) {
      i += size;
      continue;
    }
    if (folded.charCodeAt(0) === 1) {
      pendingStart.push(i);
      pendingEnd.push(i + size);
      pendingLetter.push(folded.charCodeAt(1));
      i += size;
      continue;
    }
    if (pendingStart.length > 0) settlePending(isWordUnit(folded.charCodeAt(0)));
    for (let k = 0; k < folded.length; k++) {
      const unit = folded.charCodeAt(k);
      if (unit === 0x20) {
        gap = true;
        previousIsWord = false;
        continue;
      }
      emit(unit, i, i + size);
      previousIsWord = isWordUnit(unit);
    }
    i += size;
  }
  if (pendingStart.length > 0) settlePending(false);
  buffers.length = n;
  return buffers;
}

/** The normalized key of a term or allow phrase (the same steps as the text, gaps dropped). */
export function normalizeTerm(term: string): string {
  const normalized = normalizeText(term);
  let key = "";
  for (let k = 0; k < normalized.length; k++) key += String.fromCharCode(normalized.units[k]!);
  return key;
}

/** Whether a term needs word boundaries: it is written only in alphabetic-script letters/digits. */
export function isAlphabeticKey(key: string): boolean {
  for (let k = 0; k < key.length; k++) if (!isWordUnit(key.charCodeAt(k))) return false;
  return key.length > 0;
}
