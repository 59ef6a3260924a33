/**
 * Compiling a watch list (once per list version: the caller caches the result) and matching a
 * text against it in one pass. docs/watched-words.md explains the rules.
 */
import { AhoCorasick } from "./aho-corasick.ts";
import { watchListLimits } from "./limits.ts";
import { isAlphabeticKey, isIgnorableCodePoint, isWordUnit, normalizeTerm, normalizeText } from "./normalize.ts";
import {
  watchedActions,
  watchedFields,
  type WatchedField,
  type WatchedMatch,
  type WatchedTerm,
  type WatchList,
} from "./types.ts";

/** Longest normalized key (NFKC can expand a character: ㈱ → (株), ﷺ → 18 letters). */
export const maxKeyUnits = watchListLimits.maxTermLength * 2;

const fieldBit: Record<WatchedField, number> = { body: 1, displayName: 2, link: 4 };

interface CompiledKey {
  terms: WatchedTerm[];
  /** Union of the fields of `terms`, as bits. */
  fieldMask: number;
  /** Latin-like (alphabetic-script) keys match only between word boundaries. */
  needsBoundaries: boolean;
  isAllowPhrase: boolean;
}

/** Scratch buffers for one match call, reused (matching never re-enters itself). */
let stateAt = new Int32Array(4096);
let allowStartFrom = new Int32Array(4096);

function ensureScratch(length: number) {
  if (stateAt.length >= length) return;
  const size = Math.max(length, stateAt.length * 2);
  stateAt = new Int32Array(size);
  allowStartFrom = new Int32Array(size);
}

export function compileWatchList(terms: readonly WatchedTerm[], allowList: readonly string[]): WatchList {
  if (terms.length > watchListLimits.maxTerms) {
    throw new RangeError(`A watch list holds at most ${watchListLimits.maxTerms} terms (got ${terms.length}).`);
  }
  if (allowList.length > watchListLimits.maxAllowPhrases) {
    throw new RangeError(
      `A watch list holds at most ${watchListLimits.maxAllowPhrases} allow phrases (got ${allowList.length}).`,
    );
  }

  const byKey = new Map<string, CompiledKey>();
  const keyFor = (text: string, what: string): CompiledKey => {
    const key = normalizeTerm(text);
    if (key.length === 0 || key.length > maxKeyUnits) {
      throw new RangeError(`The ${what} ${JSON.stringify(text.slice(0, 80))} has no letters or is too long.`);
    }
    let compiled = byKey.get(key);
    if (!compiled) {
      compiled = { terms: [], fieldMask: 0, needsBoundaries: isAlphabeticKey(key), isAllowPhrase: false };
      byKey.set(key, compiled);
    }
    return compiled;
  };
  for (const term of terms) {
    const compiled = keyFor(term.term, `term ${term.id}`);
    compiled.terms.push(term);
    for (const field of term.fields) compiled.fieldMask |= fieldBit[field];
  }
  for (const phrase of allowList) keyFor(phrase, "allow phrase").isAllowPhrase = true;

  const keys = [...byKey.keys()];
  const compiledKeys = [...byKey.values()];
  const automaton = new AhoCorasick(keys);
  const { stateCount, keyAt, depth, failure, breadthFirst } = automaton;

  // Per state, following failure links (breadth first, so a state's failure is done before it):
  // the nearest state on the chain that ends a watched term, and the length of the longest allow
  // phrase ending here (the state's own string is its longest suffix, so it wins when it is one).
  const termLink = new Int32Array(stateCount).fill(-1);
  const allowLength = new Int32Array(stateCount);
  for (let k = 1; k < stateCount; k++) {
    const state = breadthFirst[k]!;
    const own = keyAt[state]! >= 0 ? compiledKeys[keyAt[state]!]! : undefined;
    termLink[state] = own && own.terms.length > 0 ? state : termLink[failure[state]!]!;
    allowLength[state] = own?.isAllowPhrase ? depth[state]! : allowLength[failure[state]!]!;
  }

  function match(text: string, field: WatchedField): WatchedMatch[] {
    const normalized = normalizeText(text);
    const { units, gapBefore, originalStart, originalEnd } = normalized;
    const length = normalized.length;
    ensureScratch(length + 1);

    // Pass 1: the automaton's state after each unit, and where the longest allow phrase ending
    // there starts (length + 1 when none).
    let state = 0;
    for (let k = 0; k < length; k++) {
      state = automaton.step(state, units[k]!);
      stateAt[k] = state;
      const allowed = allowLength[state]!;
      allowStartFrom[k] = allowed > 0 ? k + 1 - allowed : length + 1;
    }
    // Then, from the end, the smallest allow-phrase start among phrases ending at or after k:
    // a term match [a, k] lies inside an allow phrase exactly when that start is ≤ a.
    for (let k = length - 2; k >= 0; k--) {
      if (allowStartFrom[k + 1]! < allowStartFrom[k]!) allowStartFrom[k] = allowStartFrom[k + 1]!;
    }

    // Pass 2: the watched terms ending at each unit, longest first along the failure chain.
    const bit = fieldBit[field];
    const kept = [0, 0, 0, 0];
    let full = 0;
    const matches: WatchedMatch[] = [];
    for (let k = 0; k < length && full < kept.length; k++) {
      for (let t = termLink[stateAt[k]!]!; t > 0; t = termLink[failure[t]!]!) {
        const compiled = compiledKeys[keyAt[t]!]!;
        if ((compiled.fieldMask & bit) === 0) continue;
        const start = k + 1 - depth[t]!;
        if (allowStartFrom[k]! <= start) continue;
        if (compiled.needsBoundaries) {
          if (start > 0 && gapBefore[start] === 0 && isWordUnit(units[start - 1]!)) continue;
          if (k + 1 < length && gapBefore[k + 1] === 0 && isWordUnit(units[k + 1]!)) continue;
        }
        for (const term of compiled.terms) {
          if (!term.fields.includes(field)) continue;
          const action = watchedActions.indexOf(term.action);
          if (kept[action]! >= watchListLimits.maxMatchesPerAction) continue;
          if (++kept[action]! === watchListLimits.maxMatchesPerAction) full++;
          const from = originalStart[start]!;
          const to = originalEnd[k]!;
          matches.push({
            termId: term.id,
            term: term.term,
            action: term.action,
            tag: term.tag,
            start: from,
            end: to,
            text: text.slice(from, to),
          });
        }
      }
    }
    return matches.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  function censor(text: string, field: WatchedField): string {
    const spans = match(text, field).filter((m) => m.action === "censor");
    if (spans.length === 0) return text;
    let out = "";
    let at = 0;
    for (const span of spans) {
      if (span.end <= at) continue;
      const from = Math.max(at, span.start);
      out += text.slice(at, from);
      for (const c of text.slice(from, span.end)) out += isIgnorableCodePoint(c.codePointAt(0)!) ? "" : "＊";
      at = span.end;
    }
    return out + text.slice(at);
  }

  return { match, censor };
}
