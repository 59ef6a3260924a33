/**
 * The comment section filtered to one paragraph: ?paragraph=<key> in the URL (so the filtered view
 * can be linked, reloaded and left with Back), and the event that tells the section the filter
 * changed without a page load (history.pushState fires no event of its own).
 *
 * No imports and no React: the essay page's margin controller and the section's lazy chunk both
 * read it, and it must weigh nothing on the essay's first load.
 */

export const paragraphParam = "paragraph";
/** Dispatched on window after the URL's paragraph filter changed in place. */
export const paragraphFilterEvent = "tuiquan:paragraph-filter";

const keyPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** The paragraph key of ?paragraph=<key>, or null (absent or not a key). */
export function paragraphFromSearch(search: string): string | null {
  const key = new URLSearchParams(search).get(paragraphParam);
  return key && keyPattern.test(key) ? key : null;
}

/** This URL with the paragraph filter set (or removed, for null), landing at #comments. */
export function urlWithParagraph(href: string, key: string | null): string {
  const url = new URL(href);
  if (key) url.searchParams.set(paragraphParam, key);
  else url.searchParams.delete(paragraphParam);
  url.hash = "comments";
  return url.toString();
}

/** Sets the filter in place: a new history entry (Back leaves it), then tells the section. */
export function showParagraphDiscussion(key: string | null): void {
  window.history.pushState(window.history.state, "", urlWithParagraph(window.location.href, key));
  window.dispatchEvent(new Event(paragraphFilterEvent));
}

/** The margin buttons (all, or one paragraph's), whose counts useParagraphMarginSync keeps true. */
export function marginButtons(key?: string): NodeListOf<HTMLAnchorElement> {
  return document.querySelectorAll<HTMLAnchorElement>(key ? `a[data-paragraph-comments="${key}"]` : "a[data-paragraph-comments]");
}
