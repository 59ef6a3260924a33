/**
 * A sentence cut into plain pieces and matched pieces (overlapping matches merged), for <mark>.
 * Offsets are UTF-16 indices into the sentence as sent, as watchedWords.try answers them.
 * (The console on branch modui has the same helper for stored comments; one of the two goes when
 * both are merged.)
 */
export function highlightSpans(text: string, spans: ReadonlyArray<{ start: number; end: number; term: string }>): { text: string; terms: string[] }[] {
  const pieces: { text: string; terms: string[] }[] = [];
  let at = 0;
  let open: { start: number; end: number; terms: string[] } | null = null;
  const close = () => {
    if (!open) return;
    if (open.start > at) pieces.push({ text: text.slice(at, open.start), terms: [] });
    pieces.push({ text: text.slice(open.start, open.end), terms: open.terms });
    at = open.end;
    open = null;
  };
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, text.length);
    if (end <= start) continue;
    if (open && start < open.end) {
      open.end = Math.max(open.end, end);
      if (!open.terms.includes(span.term)) open.terms.push(span.term);
    } else {
      close();
      open = { start, end, terms: [span.term] };
    }
  }
  close();
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), terms: [] });
  return pieces;
}
