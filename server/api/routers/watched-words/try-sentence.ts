/**
 * watchedWords.try ("try a sentence"): what the filter would find in a sentence and what it would
 * do. With the stored list it asks the very list the pipeline uses (commentWatchList: same load,
 * same compilation, same cache), so the answer is what a comment would meet; with a draft (the
 * import box's unsaved text) it compiles the list that import would leave, with the stored allow
 * phrases. Offsets are into the text as sent, for <mark>.
 */
import type { Db } from "@/server/db/client.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { commentWatchList } from "@/server/moderation/watched-terms.ts";
import { compileWatchList, strongestAction, type WatchList, type WatchedField } from "@/server/moderation/watched-words/index.ts";
import { planImport, translateLineErrors } from "./import-list.ts";
import type { ImportMode } from "./schemas.ts";
import { termSelect, toTermView } from "./watch-list-store.ts";

export async function trySentence(
  db: Db,
  input: { text: string; field: WatchedField; draft?: { text: string; mode: ImportMode } | undefined },
  locale: AppLocale,
) {
  let list: WatchList | null;
  if (input.draft) {
    const [stored, allow] = await Promise.all([
      db.watchedTerm.findMany({ select: termSelect, orderBy: { createdAt: "asc" } }),
      db.watchedAllowPhrase.findMany({ select: { phrase: true } }),
    ]);
    const planned = planImport(stored.map(toTermView), input.draft.text, input.draft.mode);
    if ("errors" in planned) return translateLineErrors(locale, planned.errors);
    const terms = planned.plan.result.map((t, k) => ({ ...t, id: t.id ?? `draft-${k}` }));
    list = terms.length === 0 ? null : compileWatchList(terms, allow.map((a) => a.phrase));
  } else {
    list = await commentWatchList(db);
  }
  const matches = list ? list.match(input.text, input.field) : [];
  return { ok: true as const, matches, action: strongestAction(matches) };
}
