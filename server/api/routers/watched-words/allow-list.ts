/**
 * watchedWords.addAllowPhrase / removeAllowPhrase: phrases that cancel a term's match inside them
 * (白色情人节 keeps 色情 from matching). Same discipline as the terms: locked, bounded, audited,
 * announced.
 */
import { appError } from "@/server/api/errors.ts";
import type { Db } from "@/server/db/client.ts";
import { appendModerationLog } from "@/server/moderation/audit-log.ts";
import { normalizeTerm, watchListLimits } from "@/server/moderation/watched-words/index.ts";
import type { Actor } from "./change-terms.ts";
import { changed, lockWatchList } from "./watch-list-store.ts";

export async function addAllowPhrase(db: Db, phrase: string, { actorId, request }: Actor): Promise<{ id: string; phrase: string }> {
  const created = await db.$transaction(async (tx) => {
    await lockWatchList(tx);
    const stored = await tx.watchedAllowPhrase.findMany({ select: { phrase: true } });
    if (stored.length >= watchListLimits.maxAllowPhrases) throw appError("BAD_REQUEST", "watchedWords.tooManyAllowPhrases");
    // The same phrase however written ("白色 情人节", traditional characters) allows nothing more.
    const key = normalizeTerm(phrase);
    if (stored.some((s) => normalizeTerm(s.phrase) === key)) throw appError("CONFLICT", "watchedWords.allowPhraseExists");
    const row = await tx.watchedAllowPhrase.create({ data: { phrase }, select: { id: true, phrase: true } });
    await appendModerationLog(tx, [{ actorId, action: "allow_phrase_add", targetType: "watchlist", targetId: row.id, after: { phrase }, request }]);
    return row;
  });
  return changed(db, created);
}

export async function removeAllowPhrase(db: Db, id: string, { actorId, request }: Actor): Promise<{ removed: true }> {
  await db.$transaction(async (tx) => {
    await lockWatchList(tx);
    const current = await tx.watchedAllowPhrase.findUnique({ where: { id }, select: { phrase: true } });
    if (!current) throw appError("NOT_FOUND", "watchedWords.allowPhraseNotFound");
    await tx.watchedAllowPhrase.delete({ where: { id } });
    await appendModerationLog(tx, [{ actorId, action: "allow_phrase_remove", targetType: "watchlist", targetId: id, before: { phrase: current.phrase }, request }]);
  });
  return changed(db, { removed: true as const });
}
