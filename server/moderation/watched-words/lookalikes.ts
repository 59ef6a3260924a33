/**
 * Look-alike folding for terms in alphabetic scripts: letters that render like a Latin letter,
 * and the digits people type for letters, fold to one "skeleton" letter, so "ѕех", "s3x" and
 * "sex" share one key. Applied to the text and the terms alike, after NFKC, lower-casing and
 * stripping diacritics. A curated subset of Unicode's confusables data (UTS #39,
 * https://www.unicode.org/Public/security/latest/confusables.txt) for Cyrillic and Greek, plus
 * the usual leetspeak digits; the full table maps thousands of characters across scripts and
 * would fold CJK text we must leave alone.
 *
 * i, l and 1 (and | and !) look alike in many fonts, so all become "i": "kill", "ki11" and "k1ll"
 * share the key "kiii".
 */
export const lookalikeLetters: ReadonlyMap<string, string> = new Map([
  // Cyrillic
  ["а", "a"], ["в", "b"], ["е", "e"], ["ѐ", "e"], ["ё", "e"], ["к", "k"], ["м", "m"], ["н", "h"],
  ["о", "o"], ["р", "p"], ["с", "c"], ["т", "t"], ["у", "y"], ["х", "x"], ["ѕ", "s"], ["і", "i"],
  ["ї", "i"], ["ј", "j"], ["ԁ", "d"], ["ӏ", "i"], ["һ", "h"], ["ԛ", "q"], ["ԝ", "w"], ["ɡ", "g"],
  // Greek
  ["α", "a"], ["β", "b"], ["ε", "e"], ["η", "n"], ["ι", "i"], ["κ", "k"], ["ν", "v"], ["ο", "o"],
  ["ρ", "p"], ["τ", "t"], ["υ", "u"], ["χ", "x"], ["ω", "w"],
  // Latin letters that read as others
  ["ı", "i"], ["l", "i"], ["ɑ", "a"], ["ɩ", "i"],
  // Digits typed for letters
  ["0", "o"], ["1", "i"], ["3", "e"], ["4", "a"], ["5", "s"], ["7", "t"], ["8", "b"],
]);

/**
 * Symbols typed for letters ("f@g", "$hit", "sh!t"). A symbol is punctuation everywhere else
 * ("办@证", "sex!"), so it counts as its letter only when a Latin letter or digit follows it.
 */
export const lookalikeSymbols: ReadonlyMap<string, string> = new Map([
  ["@", "a"], ["$", "s"], ["!", "i"], ["|", "i"],
]);
