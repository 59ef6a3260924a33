/**
 * What every change of the watch list shares: the rows as the console sees them, the lock that
 * makes changes one at a time (so the limits are counted exactly), the rule that a term may be
 * watched twice only on fields that do not overlap, and what follows a committed change.
 */
import { appError } from "@/server/api/errors.ts";
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import type { WatchedTermAction } from "@/server/db/generated/enums.ts";
import { announceWatchListChanged } from "@/server/moderation/watched-terms.ts";
import {
  normalizeTerm,
  watchedFields,
  type WatchedAction,
  type WatchedField,
  type WatchedTermFields,
} from "@/server/moderation/watched-words/index.ts";
import type { TermView } from "./schemas.ts";

export type Tx = Prisma.TransactionClient;

export const termSelect = { id: true, term: true, action: true, fields: true, tag: true, updatedAt: true } as const;

type TermRow = { id: string; term: string; action: WatchedTermAction; fields: string[]; tag: string | null; updatedAt: Date };

export function toTermView(row: TermRow): TermView {
  return {
    id: row.id,
    term: row.term,
    action: row.action.toLowerCase() as WatchedAction,
    fields: watchedFields.filter((f) => row.fields.includes(f)),
    tag: row.tag,
    updatedAt: row.updatedAt,
  };
}

export function toTermData(term: WatchedTermFields) {
  return { term: term.term, action: term.action.toUpperCase() as WatchedTermAction, fields: [...term.fields], tag: term.tag };
}

/** The fields of a term, for the audit log's before and after. */
export function auditTerm(term: Pick<TermView, "term" | "action" | "fields" | "tag">) {
  return { term: term.term, action: term.action, fields: term.fields, tag: term.tag };
}

/**
 * Changes of the list wait for each other (not the pipeline's reads: SHARE ROW EXCLUSIVE
 * conflicts with writers only), so a count taken inside the transaction is still true at commit.
 */
export async function lockWatchList(tx: Tx): Promise<void> {
  await tx.$executeRaw`LOCK TABLE "WatchedTerm", "WatchedAllowPhrase" IN SHARE ROW EXCLUSIVE MODE`;
}

/**
 * The stored term (other than `exceptId`) that watches the same normalized key on one of the same
 * fields, if any: "办 证" and "辦證" on the body are one term, the second would shadow the first.
 */
export function overlappingTerm<T extends { id?: string; term: string; fields: readonly string[] }>(
  stored: readonly T[],
  candidate: { term: string; fields: readonly WatchedField[] },
  exceptId?: string,
): T | undefined {
  const key = normalizeTerm(candidate.term);
  return stored.find(
    (s) => s.id !== exceptId && s.fields.some((f) => candidate.fields.includes(f as WatchedField)) && normalizeTerm(s.term) === key,
  );
}

/** After the change committed: every server compiles the list again before its next comment. */
export async function changed<T>(db: Db, result: T): Promise<T> {
  await announceWatchListChanged(db);
  return result;
}

export function refuseDuplicate(): never {
  throw appError("CONFLICT", "watchedWords.duplicateTerm");
}
