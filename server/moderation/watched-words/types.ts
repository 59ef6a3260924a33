/** What happens to a text that contains a watched term, strongest first. */
export const watchedActions = ["block", "hold", "flag", "censor"] as const;
export type WatchedAction = (typeof watchedActions)[number];

/** Where a term is watched: the comment body, the author's display name, the URLs of links. */
export const watchedFields = ["body", "displayName", "link"] as const;
export type WatchedField = (typeof watchedFields)[number];

export interface WatchedTerm {
  id: string;
  term: string;
  action: WatchedAction;
  fields: readonly WatchedField[];
  tag: string | null;
}

/** A match, with offsets into the ORIGINAL text (UTF-16 code units, end exclusive). */
export interface WatchedMatch {
  termId: string;
  term: string;
  action: WatchedAction;
  tag: string | null;
  start: number;
  end: number;
  text: string;
}

export interface WatchList {
  /** Every match of a term watched on this field, not cancelled by an allow-listed phrase, in text order. */
  match(text: string, field: WatchedField): WatchedMatch[];
  /** The text with each "censor" match's original span replaced by ＊ per character (other actions untouched). */
  censor(text: string, field: WatchedField): string;
}

/** The strongest action among matches: block > hold > flag > censor; null for none. */
export function strongestAction(matches: readonly WatchedMatch[]): WatchedAction | null {
  let strongest: number = watchedActions.length;
  for (const match of matches) strongest = Math.min(strongest, watchedActions.indexOf(match.action));
  return (watchedActions as readonly WatchedAction[])[strongest] ?? null;
}
