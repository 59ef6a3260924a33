/**
 * Stable paragraph keys: a short id per paragraph that survives edits around it and small edits to it.
 * Links to paragraphs ("#p-<key>") and, later, paragraph-level discussion hang on these keys.
 *
 * At every seed the new paragraphs are reconciled with the stored ones:
 *   1. a paragraph whose (normalized) text is unchanged keeps its key, duplicates paired in order;
 *   2. each remaining paragraph takes the key of the most similar remaining old paragraph, if the
 *      character-bigram Dice coefficient is at least `similarityThreshold`, nearer positions winning ties;
 *   3. the rest get a key hashed from their text, skipping every key the essay already had.
 * The first seed is step 3 alone. Design and trade-offs: docs/paragraph-keys.md.
 */
import { createHash } from "node:crypto";

export interface KeyedText {
  key: string;
  text: string;
}

export interface KeyReconciliation {
  /** One key per new paragraph, in order. */
  keys: string[];
  unchanged: number;
  edited: number;
  added: number;
  removed: number;
}

/** 8 base-36 characters: 36^8 ≈ 2.8 × 10^12 values, short enough for a URL fragment. */
export const keyLength = 8;
/**
 * Dice ≥ 0.6 keeps typo fixes and reworded sentences (0.9 and up in Chinese text) and rejects a
 * paragraph rewritten around the same topic (usually under 0.4).
 */
export const similarityThreshold = 0.6;
/** How much a position difference across the whole essay costs against similarity, to break near-ties. */
const positionWeight = 0.1;

/** What counts as "the same text": Unicode NFC, whitespace runs collapsed, ends trimmed. */
export function normalizeParagraph(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** The key derived from a text; `attempt` > 0 gives the alternatives used when a key is taken. */
export function textKey(text: string, attempt = 0): string {
  const digest = createHash("sha256")
    .update(attempt === 0 ? normalizeParagraph(text) : `${normalizeParagraph(text)}\u0000${attempt}`)
    .digest();
  return (digest.readBigUInt64BE(0) % 36n ** BigInt(keyLength)).toString(36).padStart(keyLength, "0");
}

/** Sørensen–Dice coefficient of the character-bigram multisets of two texts (1 = same bigrams). */
export function bigramDice(a: string, b: string): number {
  return diceOfCounts(bigramCounts(a), bigramCounts(b));
}

export function reconcileParagraphKeys(texts: readonly string[], previous: readonly KeyedText[]): KeyReconciliation {
  const normalized = texts.map(normalizeParagraph);
  const old = previous.map((p) => ({ key: p.key, text: normalizeParagraph(p.text) }));
  const keys: (string | undefined)[] = new Array(texts.length).fill(undefined);
  const oldUsed = new Array<boolean>(old.length).fill(false);

  const drift = (i: number, j: number) => Math.abs(i / Math.max(1, texts.length) - j / Math.max(1, old.length));
  const pairUp = (candidates: { i: number; j: number; score: number }[]): number => {
    candidates.sort((x, y) => y.score - x.score || Math.abs(x.i - x.j) - Math.abs(y.i - y.j) || x.i - y.i);
    let paired = 0;
    for (const { i, j } of candidates) {
      if (keys[i] || oldUsed[j]) continue;
      keys[i] = old[j]!.key;
      oldUsed[j] = true;
      paired += 1;
    }
    return paired;
  };

  // 1. Unchanged text keeps its key; of repeated texts, the copies nearest in position pair up.
  const oldByText = new Map<string, number[]>();
  old.forEach((p, j) => oldByText.set(p.text, [...(oldByText.get(p.text) ?? []), j]));
  const unchanged = pairUp(normalized.flatMap((text, i) => (oldByText.get(text) ?? []).map((j) => ({ i, j, score: -drift(i, j) }))));

  // 2. Edited paragraphs: greedy best pairs by similarity, nearby positions first among equals.
  const newRest = normalized.flatMap((text, i) => (keys[i] ? [] : [{ i, counts: bigramCounts(text) }]));
  const oldRest = old.flatMap((p, j) => (oldUsed[j] ? [] : [{ j, counts: bigramCounts(p.text) }]));
  const similar: { i: number; j: number; score: number }[] = [];
  for (const n of newRest) {
    for (const o of oldRest) {
      const dice = diceOfCounts(n.counts, o.counts);
      if (dice >= similarityThreshold) similar.push({ i: n.i, j: o.j, score: dice - positionWeight * drift(n.i, o.j) });
    }
  }
  const edited = pairUp(similar);

  // 3. New paragraphs: a key from the text, never one this essay has used (even by a removed paragraph).
  const taken = new Set([...old.map((p) => p.key), ...keys.filter((k): k is string => !!k)]);
  let added = 0;
  const finalKeys = keys.map((key, i) => {
    if (key) return key;
    let attempt = 0;
    let candidate = textKey(normalized[i]!);
    while (taken.has(candidate)) candidate = textKey(normalized[i]!, ++attempt);
    taken.add(candidate);
    added += 1;
    return candidate;
  });

  return { keys: finalKeys, unchanged, edited, added, removed: oldUsed.filter((used) => !used).length };
}

function bigramCounts(text: string): Map<string, number> {
  const chars = Array.from(text);
  const grams = chars.length < 2 ? chars : chars.slice(1).map((c, k) => chars[k]! + c);
  const counts = new Map<string, number>();
  for (const gram of grams) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return counts;
}

function diceOfCounts(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const count of a.values()) sizeA += count;
  for (const [gram, count] of b) {
    sizeB += count;
    shared += Math.min(count, a.get(gram) ?? 0);
  }
  return sizeA + sizeB === 0 ? 1 : (2 * shared) / (sizeA + sizeB);
}
