/**
 * The watched words, compiled once per process and kept (compiling 5,000 terms into one automaton
 * costs milliseconds; a comment must not pay it). Cleared on every app server when an admin
 * changes the list: the change publishes on `moderation:watchlist` (announceWatchListChanged), and
 * every server's bus announces that event to this observer (LiveBus.observe, as the first pages'
 * and read caches are cleared). A server that missed the event (its listener reconnecting)
 * compiles again after `maxAgeMs` anyway (docs/moderation.md, "State kept per process").
 */
import type { Db } from "@/server/db/client.ts";
import { mapIn } from "@/server/db/per-database.ts";
import type { LiveBus } from "@/server/live/bus.ts";
import { watchListChannel } from "@/server/live/channels.ts";
import { getLiveBus } from "@/server/live/process-bus.ts";
import { publishLiveEvent } from "@/server/live/publish.ts";
import { compileWatchList, type WatchList as CommentWatchList, type WatchedTerm } from "./watched-words/index.ts";

const maxAgeMs = 60_000;

interface Kept {
  list: Promise<CommentWatchList | null>;
  generation: number;
  at: number;
}

class WatchedTermsCache {
  private readonly kept = new WeakMap<Db, Map<string, Kept>>();
  private generation = 0;
  private observed: { bus: LiveBus; stop: () => void } | null = null;

  get(db: Db): Promise<CommentWatchList | null> {
    this.follow();
    const kept = mapIn(this.kept, db);
    const hit = kept.get("list");
    if (hit && hit.generation === this.generation && Date.now() - hit.at < maxAgeMs) return hit.list;
    const list = loadWatchList(db);
    const entry = { list, generation: this.generation, at: Date.now() };
    kept.set("list", entry);
    // A failed load is not kept: the next comment tries again.
    list.catch(() => {
      if (kept.get("list") === entry) kept.delete("list");
    });
    return list;
  }

  clear(): void {
    this.generation += 1;
  }

  private follow(): void {
    const bus = getLiveBus();
    if (this.observed?.bus === bus) return;
    this.observed?.stop();
    this.observed = {
      bus,
      stop: bus.observe("moderation", (event) => {
        if (event.channel === watchListChannel) this.clear();
      }),
    };
  }
}

async function loadWatchList(db: Db): Promise<CommentWatchList | null> {
  const [terms, allow] = await Promise.all([
    db.watchedTerm.findMany({ select: { id: true, term: true, action: true, fields: true, tag: true } }),
    db.watchedAllowPhrase.findMany({ select: { phrase: true } }),
  ]);
  if (terms.length === 0) return null;
  const compiled: WatchedTerm[] = terms.map((t) => ({
    id: t.id,
    term: t.term,
    action: t.action.toLowerCase() as WatchedTerm["action"],
    fields: t.fields.filter((f): f is WatchedTerm["fields"][number] => f === "body" || f === "displayName" || f === "link"),
    tag: t.tag,
  }));
  return compileWatchList(compiled, allow.map((a) => a.phrase));
}

// On globalThis for the reason of server/db/index.ts: Next bundles server code into several chunks.
const globalForTerms = globalThis as typeof globalThis & { __tuiquanWatchedTerms?: WatchedTermsCache };
const cache = (globalForTerms.__tuiquanWatchedTerms ??= new WatchedTermsCache());

/** The compiled list, or null when there are no terms. */
export function commentWatchList(db: Db): Promise<CommentWatchList | null> {
  return cache.get(db);
}

/** After the terms or the allow-list changed (committed): every server compiles again. */
export async function announceWatchListChanged(db: Db): Promise<void> {
  cache.clear();
  await publishLiveEvent(db, watchListChannel, { type: "watchlist-changed" });
}
