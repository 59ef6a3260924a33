/**
 * Watched words on display names (me.update): a name is shown beside every comment, so a term
 * that would block or hold a comment refuses the name (a name cannot wait for review: the reader
 * chooses another at once); censor stores it masked; flag lets it through and logs it. Every
 * match is written to the audit log with its spans.
 */
import { appError } from "@/server/api/errors.ts";
import type { RequestMeta } from "@/server/api/trpc.ts";
import type { Db } from "@/server/db/client.ts";
import { appendModerationLog } from "./audit-log.ts";
import { strongestAction } from "./watched-words/index.ts";
import { commentWatchList } from "./watched-terms.ts";

/** The name to store; throws BAD_REQUEST moderation.displayName.blocked. */
export async function moderateDisplayName(db: Db, userId: string, name: string, request: RequestMeta): Promise<string> {
  const watchList = await commentWatchList(db);
  if (!watchList) return name;
  const matches = watchList.match(name, "displayName");
  const action = strongestAction(matches);
  if (action === null) return name;
  const spans = matches.map((m) => ({ field: "displayName", term: m.term, action: m.action, tag: m.tag, start: m.start, end: m.end, text: m.text }));
  await appendModerationLog(db, [
    { rule: "watched_word", action: action === "block" || action === "hold" ? "refuse" : action, targetType: "user", targetId: userId, reason: "watched_word", after: { field: "displayName", spans }, request },
  ]);
  if (action === "block" || action === "hold") throw appError("BAD_REQUEST", "moderation.displayName.blocked");
  return action === "censor" ? watchList.censor(name, "displayName") : name;
}
