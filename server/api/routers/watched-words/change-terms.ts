/**
 * watchedWords.add / update / remove: one term at a time, each in a transaction that holds the
 * list's lock, checks the limits and the overlap rule against the stored list, writes the audit
 * entry (before and after), and, once committed, makes every server compile the list again.
 */
import { appError } from "@/server/api/errors.ts";
import type { RequestMeta } from "@/server/api/trpc.ts";
import type { Db } from "@/server/db/client.ts";
import { appendModerationLog } from "@/server/moderation/audit-log.ts";
import { watchListLimits, type WatchedTermInput } from "@/server/moderation/watched-words/index.ts";
import type { TermView } from "./schemas.ts";
import { auditTerm, changed, lockWatchList, overlappingTerm, refuseDuplicate, termSelect, toTermData, toTermView } from "./watch-list-store.ts";

export interface Actor {
  actorId: string;
  request: RequestMeta;
}

export async function addTerm(db: Db, input: WatchedTermInput, { actorId, request }: Actor): Promise<TermView> {
  const created = await db.$transaction(async (tx) => {
    await lockWatchList(tx);
    const stored = await tx.watchedTerm.findMany({ select: { id: true, term: true, fields: true } });
    if (stored.length >= watchListLimits.maxTerms) throw appError("BAD_REQUEST", "watchedWords.tooManyTerms");
    if (stored.some((s) => s.term === input.term)) throw appError("CONFLICT", "watchedWords.termExists");
    if (overlappingTerm(stored, input)) refuseDuplicate();
    const row = toTermView(await tx.watchedTerm.create({ data: toTermData(input), select: termSelect }));
    await appendModerationLog(tx, [{ actorId, action: "watched_term_add", targetType: "watchlist", targetId: row.id, after: auditTerm(row), request }]);
    return row;
  });
  return changed(db, created);
}

export async function updateTerm(db: Db, id: string, input: WatchedTermInput, { actorId, request }: Actor): Promise<TermView> {
  const updated = await db.$transaction(async (tx) => {
    await lockWatchList(tx);
    const stored = await tx.watchedTerm.findMany({ select: termSelect });
    const current = stored.find((s) => s.id === id);
    if (!current) throw appError("NOT_FOUND", "watchedWords.termNotFound");
    if (stored.some((s) => s.id !== id && s.term === input.term)) throw appError("CONFLICT", "watchedWords.termExists");
    if (overlappingTerm(stored, input, id)) refuseDuplicate();
    const row = toTermView(await tx.watchedTerm.update({ where: { id }, data: toTermData(input), select: termSelect }));
    await appendModerationLog(tx, [
      { actorId, action: "watched_term_update", targetType: "watchlist", targetId: id, before: auditTerm(toTermView(current)), after: auditTerm(row), request },
    ]);
    return row;
  });
  return changed(db, updated);
}

export async function removeTerm(db: Db, id: string, { actorId, request }: Actor): Promise<{ removed: true }> {
  await db.$transaction(async (tx) => {
    await lockWatchList(tx);
    const current = await tx.watchedTerm.findUnique({ where: { id }, select: termSelect });
    if (!current) throw appError("NOT_FOUND", "watchedWords.termNotFound");
    await tx.watchedTerm.delete({ where: { id } });
    await appendModerationLog(tx, [{ actorId, action: "watched_term_remove", targetType: "watchlist", targetId: id, before: auditTerm(toTermView(current)), request }]);
  });
  return changed(db, { removed: true as const });
}
