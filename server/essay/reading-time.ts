/**
 * Reading time of a mostly Chinese text, in whole minutes.
 *
 * Chinese is read by characters, not words. Eye-movement studies of skilled readers put silent
 * reading of Chinese near 400 characters per minute (Sun, Morita & Stark, "Comparative patterns of
 * reading eye movement in Chinese and English", Perception & Psychophysics 37(6), 1985); estimator
 * libraries often assume 500 (e.g. the npm package "lesetid"), which flatters a dense essay.
 * Latin words inside Chinese text (names, "Web 3", numbers) count at 200 words per minute, a little
 * below the 238 that Brysbaert's meta-analysis gives for English non-fiction ("How many words do we
 * read per minute?", Journal of Memory and Language 109, 2019), as a reader switches script for them.
 */
export const cjkCharactersPerMinute = 400;
export const latinWordsPerMinute = 200;

const cjkCharacter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
// A run of letters or digits outside the CJK scripts, with inner apostrophes or hyphens ("don't", "L-2").
const latinWord = /[\p{L}\p{N}](?:['’-]?[\p{L}\p{N}])*/gu;

export function countReadingUnits(text: string): { cjkCharacters: number; latinWords: number } {
  const cjkCharacters = text.match(cjkCharacter)?.length ?? 0;
  const latinWords = text.replace(cjkCharacter, " ").match(latinWord)?.length ?? 0;
  return { cjkCharacters, latinWords };
}

/** Minutes to read the texts, rounded up, at least 1. */
export function readingMinutes(texts: readonly string[]): number {
  let cjk = 0;
  let latin = 0;
  for (const text of texts) {
    const units = countReadingUnits(text);
    cjk += units.cjkCharacters;
    latin += units.latinWords;
  }
  return Math.max(1, Math.ceil(cjk / cjkCharactersPerMinute + latin / latinWordsPerMinute));
}
