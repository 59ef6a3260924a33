/**
 * A watch list as text, for import and export: one term per line,
 *   term <TAB> action <TAB> fields, comma-separated <TAB> tag (optional)
 * Blank lines and lines starting with "#" are skipped. Every line is checked with the same schema
 * as a term typed in the console; errors carry the 1-based line number.
 */
import { watchListLimits } from "./limits.ts";
import { normalizeTerm } from "./normalize.ts";
import { watchedTermInput } from "./schemas.ts";
import type { WatchedField, WatchedTerm } from "./types.ts";

export type WatchedTermFields = Omit<WatchedTerm, "id">;

export interface WatchListTextError {
  line: number;
  message: string;
}

/** Bounds the import itself: a file far larger than any valid list is refused up front. */
const maxTextLength = watchListLimits.maxTerms * (watchListLimits.maxTermLength * 4 + 100);

export function parseWatchListText(text: string): { terms: WatchedTermFields[]; errors: WatchListTextError[] } {
  const terms: WatchedTermFields[] = [];
  const errors: WatchListTextError[] = [];
  if (text.length > maxTextLength) {
    return { terms, errors: [{ line: 1, message: "watchedWords.importTooLarge" }] };
  }
  // A term may be listed twice only for fields that do not overlap (say, block in names and flag
  // in bodies); otherwise the second line would silently shadow or double the first.
  const fieldsByKey = new Map<string, Set<WatchedField>>();
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    const raw = lines[index]!;
    if (raw.trim() === "" || raw.trimStart().startsWith("#")) continue;
    if (terms.length >= watchListLimits.maxTerms) {
      errors.push({ line, message: "watchedWords.tooManyTerms" });
      break;
    }
    const columns = raw.split("\t");
    if (columns.length < 3 || columns.length > 4) {
      errors.push({ line, message: "watchedWords.lineColumns" });
      continue;
    }
    const [term, action, fields, tag] = columns;
    const parsed = watchedTermInput.safeParse({
      term,
      action: action!.trim(),
      fields: fields!
        .split(",")
        .map((f) => f.trim())
        .filter((f) => f !== ""),
      tag: tag ?? null,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ line, message: issue.message });
      continue;
    }
    const key = normalizeTerm(parsed.data.term);
    const seen = fieldsByKey.get(key) ?? new Set<WatchedField>();
    if (parsed.data.fields.some((f) => seen.has(f))) {
      errors.push({ line, message: "watchedWords.duplicateTerm" });
      continue;
    }
    for (const f of parsed.data.fields) seen.add(f);
    fieldsByKey.set(key, seen);
    terms.push(parsed.data);
  }
  return { terms, errors };
}

export function formatWatchListText(terms: readonly WatchedTermFields[]): string {
  return terms.map((t) => [t.term, t.action, t.fields.join(","), t.tag ?? ""].join("\t") + "\n").join("");
}
