/**
 * Comment drafts in localStorage, so that nothing typed is lost: not on a reload, not on a failed
 * submission, not on the way through sign-in. One draft per place a reader can write: the essay,
 * the comment replied to (or the top level) and the paragraph discussed. Editing an existing
 * comment keeps its own draft, keyed by the comment.
 */

export interface DraftPlace {
  slug: string;
  /** The comment replied to; null for a top-level comment. */
  parentId?: string | null;
  /** The paragraph a top-level comment is about. */
  paragraphKey?: string | null;
  /** The comment being edited (its draft is not a new comment's). */
  editingId?: string | null;
}

const prefix = "tuiquan:comment-draft";

/** "tuiquan:comment-draft:<slug>:<parent or top>:<paragraph or ->", or ":edit:<id>" for an edit. */
export function draftKey(place: DraftPlace): string {
  const part = (value: string | null | undefined, fallback: string) => encodeURIComponent(value ?? fallback);
  if (place.editingId) return `${prefix}:${part(place.slug, "")}:edit:${part(place.editingId, "")}`;
  return `${prefix}:${part(place.slug, "")}:${part(place.parentId, "top")}:${part(place.paragraphKey, "-")}`;
}

/** Storage can be missing or refuse (private mode, quota): a draft is a convenience, never an error. */
function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function readDraft(place: DraftPlace): string {
  try {
    return storage()?.getItem(draftKey(place)) ?? "";
  } catch {
    return "";
  }
}

/** Saves the text; an empty (or blank) text removes the draft. */
export function writeDraft(place: DraftPlace, text: string): void {
  try {
    const store = storage();
    if (!store) return;
    if (text.trim() === "") store.removeItem(draftKey(place));
    else store.setItem(draftKey(place), text);
  } catch {
    // Quota or privacy settings: the text stays in the textarea.
  }
}

export function clearDraft(place: DraftPlace): void {
  writeDraft(place, "");
}
