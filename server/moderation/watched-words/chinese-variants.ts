/**
 * Traditional → simplified folding, one code point for one code point, so the offset map back to
 * the original text stays exact. OpenCC's converters segment phrases and may change length; its
 * character tables do not. We read those tables from opencc-js (the maintained JavaScript build
 * of OpenCC's data, MIT + Apache-2.0) instead of keeping a copy of our own.
 *
 * Variant tables first (Hong Kong / Taiwan variant forms → OpenCC's standard traditional form,
 * e.g. 裡 → 裏), then traditional → simplified (賭 → 赌). Only single-code-point pairs are kept;
 * where OpenCC lists several candidates, the first (its preferred one) is taken.
 */
import tsCharacters from "opencc-js/dict/TSCharacters";
import hkVariantsRev from "opencc-js/dict/HKVariantsRev";
import twVariantsRev from "opencc-js/dict/TWVariantsRev";

function singleCodePointPairs(dictionary: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const entry of dictionary.split("|")) {
    const [source, target] = entry.split(" ");
    if (!source || !target) continue;
    if ([...source].length !== 1 || [...target].length !== 1) continue;
    pairs.set(source, target);
  }
  return pairs;
}

function buildFolding(): Map<string, string> {
  const variants = new Map([...singleCodePointPairs(twVariantsRev), ...singleCodePointPairs(hkVariantsRev)]);
  const toSimplified = singleCodePointPairs(tsCharacters);
  const step = (c: string) => {
    const standard = variants.get(c) ?? c;
    return toSimplified.get(standard) ?? standard;
  };
  const folding = new Map<string, string>();
  for (const c of new Set([...variants.keys(), ...toSimplified.keys()])) {
    // Fold to a fixed point so that folding a folded character changes nothing: the text and the
    // terms must land on the same key whatever form each was written in.
    let folded = step(c);
    for (let i = 0; i < 4 && step(folded) !== folded; i++) folded = step(folded);
    if (folded !== c) folding.set(c, folded);
  }
  return folding;
}

const folding = buildFolding();

/** The simplified form of one code point (itself when it has none). */
export function toSimplifiedCodePoint(c: string): string {
  return folding.get(c) ?? c;
}
