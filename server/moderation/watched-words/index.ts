/**
 * Watched words (issue 10, moderation): the terms an admin watches for in comment bodies, display
 * names and link URLs, and what happens on a match (block, hold for review, flag, censor).
 * Pure and database-free: the moderation pipeline loads the list, compiles it once per version
 * with `compileWatchList`, and calls `match`/`censor` per field. docs/watched-words.md.
 */
export {
  watchedActions,
  watchedFields,
  strongestAction,
  type WatchedAction,
  type WatchedField,
  type WatchedTerm,
  type WatchedMatch,
  type WatchList,
} from "./types.ts";
export { compileWatchList } from "./watch-list.ts";
export { watchListLimits } from "./limits.ts";
export { watchedTermInput, allowPhraseInput, watchedActionSchema, watchedFieldSchema, type WatchedTermInput } from "./schemas.ts";
export {
  parseWatchListText,
  formatWatchListText,
  type WatchedTermFields,
  type WatchListTextError,
} from "./text-format.ts";
export { normalizeTerm } from "./normalize.ts";
