/**
 * The text of an essay paragraph as the reader sees it on this page (id="p-<key>"), without its
 * margin buttons: what the composer quotes before anything is posted. Null when the paragraph is
 * not on the page (a stale link to a paragraph that was rewritten).
 */
export function paragraphTextOnPage(paragraphKey: string): string | null {
  const paragraph = document.getElementById(`p-${paragraphKey}`);
  if (!paragraph) return null;
  const copy = paragraph.cloneNode(true) as HTMLElement;
  copy.querySelectorAll("button, a[data-paragraph-comments]").forEach((chrome) => chrome.remove());
  const text = (copy.textContent ?? "").replace(/\s+/g, " ").trim();
  return text || null;
}
