/**
 * A text cut into plain and matched pieces, so a page can wrap each watched-word match in <mark>:
 * a stored comment in the console's queue, a sentence in "try a sentence". The spans' offsets are
 * UTF-16 indices into that text (server/api/routers/moderation/schemas.ts, watchedWords.try); overlapping spans merge (touching ones stay two marks), and spans past
 * the end (a text edited since) are clipped, never thrown on.
 */
export interface TextPiece {
  text: string;
  /** The terms matched in this piece; empty for plain text. */
  terms: string[];
}

export function highlightSpans(text: string, spans: ReadonlyArray<{ start: number; end: number; term: string }>): TextPiece[] {
  const ranges = spans
    .map((span) => ({ start: Math.max(0, span.start), end: Math.min(text.length, span.end), terms: [span.term] }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: typeof ranges = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start < last.end) {
      last.end = Math.max(last.end, range.end);
      if (!last.terms.includes(range.terms[0]!)) last.terms.push(range.terms[0]!);
    } else merged.push({ ...range, terms: [...range.terms] });
  }
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const range of merged) {
    if (range.start > at) pieces.push({ text: text.slice(at, range.start), terms: [] });
    pieces.push({ text: text.slice(range.start, range.end), terms: range.terms });
    at = range.end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), terms: [] });
  return pieces;
}
