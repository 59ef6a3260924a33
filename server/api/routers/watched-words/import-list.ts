/**
 * watchedWords.import and export: the list as text (parseWatchListText's format, one term per
 * line). An import is all or nothing: every line is checked first, against the text itself and
 * against the stored list it will join, and one bad line stores nothing; the answer lists each bad
 * line with its number and a translated message. Allow phrases are not part of the text (they
 * are few and kept on the page); export and import carry terms only.
 *
 * merge: a line whose term is already stored (same text) replaces its action, fields and tag; new
 * terms are added; stored terms not in the text stay. replace: the stored terms become exactly the
 * text's.
 */
import type { RequestMeta } from "@/server/api/trpc.ts";
import type { Db } from "@/server/db/client.ts";
import { errorMessage, isErrorKey } from "@/server/i18n/error-messages.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { appendModerationLog } from "@/server/moderation/audit-log.ts";
import {
  formatWatchListText,
  parseWatchListText,
  watchListLimits,
  type WatchListTextError,
  type WatchedTermFields,
} from "@/server/moderation/watched-words/index.ts";
import type { ImportMode, TermView } from "./schemas.ts";
import { changed, lockWatchList, overlappingTerm, termSelect, toTermData, toTermView } from "./watch-list-store.ts";

export interface ImportPlan {
  /** The list as the import leaves it: stored terms keep their ids, new ones have none. */
  result: (WatchedTermFields & { id?: string })[];
  added: WatchedTermFields[];
  updated: { id: string; before: TermView; after: WatchedTermFields }[];
  removed: TermView[];
}

/** What an import would do to `stored`, or its bad lines. Pure: also what "try a sentence" tries a draft with. */
export function planImport(stored: readonly TermView[], text: string, mode: ImportMode): { plan: ImportPlan } | { errors: WatchListTextError[] } {
  const { terms, errors } = parseWatchListText(text);
  const lines = termLines(text, errors);
  // The parser allows one term on two lines for disjoint fields, but a term is stored once.
  const seen = new Set<string>();
  terms.forEach((term, k) => {
    if (seen.has(term.term)) errors.push({ line: lines[k]!, message: "watchedWords.termRepeated" });
    seen.add(term.term);
  });
  const byText = new Map(stored.map((s) => [s.term, s]));
  const kept = mode === "merge" ? stored.filter((s) => !seen.has(s.term)) : [];
  const added = terms.filter((t) => !byText.has(t.term));
  if (errors.length === 0 && kept.length + terms.length > watchListLimits.maxTerms) {
    // The first line past the limit.
    errors.push({ line: lines[watchListLimits.maxTerms - kept.length] ?? 1, message: "watchedWords.tooManyTerms" });
  }
  terms.forEach((term, k) => {
    if (overlappingTerm(kept, term)) errors.push({ line: lines[k]!, message: "watchedWords.duplicateTerm" });
  });
  if (errors.length > 0) return { errors: errors.sort((a, b) => a.line - b.line) };

  const updated = terms.flatMap((after) => {
    const before = byText.get(after.term);
    return before ? [{ id: before.id, before, after }] : [];
  });
  const removed = mode === "replace" ? stored.filter((s) => !seen.has(s.term)) : [];
  const result = [...kept, ...terms.map((t) => ({ ...t, id: byText.get(t.term)?.id }))];
  return { plan: { result, added, updated, removed } };
}

/**
 * The 1-based line of each term parseWatchListText returned: it skips blank and "#" lines and
 * returns one term per other line, except the lines it refused.
 */
function termLines(text: string, errors: readonly WatchListTextError[]): number[] {
  const refused = new Set(errors.map((e) => e.line));
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() !== "" && !raw.trimStart().startsWith("#") && !refused.has(index + 1)) lines.push(index + 1);
  });
  return lines;
}

export function translateLineErrors(locale: AppLocale, errors: readonly WatchListTextError[]) {
  return {
    ok: false as const,
    message: errorMessage(locale, "watchedWords.importInvalid", { count: new Set(errors.map((e) => e.line)).size }),
    errors: errors.map((e) => ({ line: e.line, message: isErrorKey(e.message) ? errorMessage(locale, e.message) : errorMessage(locale, "invalidInputGeneric") })),
  };
}

export async function importWatchList(
  db: Db,
  input: { text: string; mode: ImportMode },
  { actorId, request, locale }: { actorId: string; request: RequestMeta; locale: AppLocale },
) {
  const outcome = await db.$transaction(
    async (tx) => {
      await lockWatchList(tx);
      const stored = (await tx.watchedTerm.findMany({ select: termSelect, orderBy: { createdAt: "asc" } })).map(toTermView);
      const planned = planImport(stored, input.text, input.mode);
      if ("errors" in planned) return translateLineErrors(locale, planned.errors);
      const { added, updated, removed, result } = planned.plan;
      if (removed.length > 0) await tx.watchedTerm.deleteMany({ where: { id: { in: removed.map((r) => r.id) } } });
      for (const u of updated) await tx.watchedTerm.update({ where: { id: u.id }, data: toTermData(u.after) });
      if (added.length > 0) await tx.watchedTerm.createMany({ data: added.map(toTermData) });
      const counts = { added: added.length, updated: updated.length, removed: removed.length, total: result.length };
      await appendModerationLog(tx, [
        {
          actorId,
          action: "watchlist_import",
          targetType: "watchlist",
          targetId: "terms",
          // The stored terms this import replaced or removed, as text: enough to undo it by importing.
          before: { count: stored.length, replaced: formatWatchListText([...updated.map((u) => u.before), ...removed]) },
          after: { mode: input.mode, ...counts },
          request,
        },
      ]);
      return { ok: true as const, ...counts };
    },
    { timeout: 30_000 },
  );
  return outcome.ok ? changed(db, outcome) : outcome;
}

export async function exportWatchList(db: Db): Promise<{ text: string; count: number }> {
  const terms = (await db.watchedTerm.findMany({ select: termSelect, orderBy: { createdAt: "asc" } })).map(toTermView);
  return { text: formatWatchListText(terms), count: terms.length };
}
