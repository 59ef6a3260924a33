/**
 * Where a Chinese headline may wrap. Browsers may break between any two Han characters, so a
 * balanced two-line title can split a word ("打工 / 人"), which reads as a typo. The title is set
 * with `word-break: keep-all` (no breaks inside a run of Han characters) and given break
 * opportunities only where a reader expects a pause: between Han text and a Latin word
 * ("后 / Web3 / 打工人"), and before an opening quotation mark or bracket. Runs still too wide for
 * the screen fall back to `overflow-wrap: anywhere`.
 *
 * Chromium's `word-break: auto-phrase` would do this by itself, but only for Japanese; BudouX's
 * Chinese model was tried and splits "Web3" and "白月光".
 */
const breakPoints = new RegExp(
  [
    String.raw`(?<=\p{Script=Han})(?=[A-Za-z])`, // Han → a Latin word
    String.raw`(?<=[A-Za-z][A-Za-z0-9]*)(?=\p{Script=Han})`, // a Latin word ("Web3") → Han; "00后" stays whole
    String.raw`(?<=.)(?=[“‘《「『（(])`, // before an opening quote or bracket
  ].join("|"),
  "u",
);

/** The title cut at its break opportunities; join the pieces with <wbr>. */
export function titleSegments(title: string): string[] {
  return title.split(breakPoints).filter((segment) => segment.length > 0);
}
