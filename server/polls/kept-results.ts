/**
 * Poll counts kept per process, so that polls.results costs no database round trip when nothing
 * changed: a poll's totals (the same for every reader) and each signed-in reader's own choice
 * (the only part of the answer that is theirs). A miss reads both in the one statement it always
 * used (`poll_results`, results-read.ts) and keeps what it read. Signed-out readers are mostly
 * answered before this by the HTTP read cache (server/http/read-cache.ts); this serves its misses
 * and every signed-in reader.
 *
 * Why what is kept is fresh enough:
 * - A ballot cast, changed or withdrawn on this server clears everything kept for its poll
 *   synchronously, after its statement committed and before polls.vote / polls.withdraw answers
 *   (onPollResultsChanged, which does not wait for the coalesced live event). So the voter's very
 *   next polls.results reads afresh: their own choice, and totals that count it.
 * - Every event on a poll's live channel (the coalesced "results changed" of ballots on any
 *   server, a moderator's change of the poll) clears the poll too, as soon as it reaches this
 *   process and before any subscriber hears it (LiveBus.observe): a browser that refetches on the
 *   event gets the new counts. A ballot cast on ANOTHER app server therefore shows here within
 *   that event's delay (at most 250 ms of coalescing, then its NOTIFY), for its voter as for
 *   everyone, as in the signed-out read cache; on one server (PGlite, or one process on
 *   PostgreSQL) the voter is never behind.
 * - A read that began before a clear is not kept (generations), so it cannot outlive the change.
 * - Whatever no event announces (rows written by hand, an event missed while the PostgreSQL
 *   listener was reconnecting) shows at most `maxAgeMs` late. A poll's opening and closing are
 *   not cached decisions: who may see the counts is decided at each request from the kept times.
 */
import type { Db } from "@/server/db/client.ts";
import { mapIn } from "@/server/db/per-database.ts";
import type { LiveBus } from "@/server/live/bus.ts";
import { onPollResultsChanged } from "@/server/live/poll-results-changed.ts";
import { getLiveBus } from "@/server/live/process-bus.ts";
import { readPollCounts, type PollCounts } from "./results-read.ts";

/** The same lag the HTTP read cache accepts for what no event announces. */
const maxAgeMs = 1000;
/** Caps per database handle, so that odd poll ids or a crowd of readers cannot grow memory without end. */
const maxPolls = 500;
const maxReaders = 20_000;

/** What every reader of a poll sees alike. */
type PollTotals = Omit<PollCounts, "myChoice">;

interface Kept<T> {
  value: T;
  generation: number;
  expires: number;
}

interface Loading {
  generation: number;
  counts: Promise<PollCounts | null>;
}

class KeptResults {
  /** Per database handle: tests open several. Keys: poll id; poll id and user id for choices. */
  private readonly totals = new WeakMap<Db, Map<string, Kept<PollTotals>>>();
  private readonly choices = new WeakMap<Db, Map<string, Kept<string[] | null>>>();
  private readonly loading = new WeakMap<Db, Map<string, Loading>>();
  /**
   * A poll's generation is the later of its own last clear and the last clear of everything;
   * both come from one increasing clock, so any clear changes it.
   */
  private clock = 0;
  private everythingClearedAt = 0;
  private readonly pollClearedAt = new Map<string, number>();
  private observed: { bus: LiveBus; stop: () => void } | null = null;
  private stopLocal: (() => void) | null = null;

  /** The poll's counts and `userId`'s choice (null signed out); null when the poll does not exist. */
  async read(db: Db, pollId: string, userId: string | null): Promise<PollCounts | null> {
    this.follow();
    const now = Date.now();
    const generation = this.generationOf(pollId);
    const totals = fresh(mapIn(this.totals, db).get(pollId), generation, now);
    if (userId === null) {
      if (totals) return { ...totals.value, myChoice: null };
      return this.sharedLoad(db, pollId, generation);
    }
    const choiceKey = `${pollId}\u0000${userId}`;
    const choice = fresh(mapIn(this.choices, db).get(choiceKey), generation, now);
    if (totals && choice) return { ...totals.value, myChoice: choice.value };
    // The statement reads this reader's choice and the totals together: keep both.
    const counts = await readPollCounts(db, pollId, userId);
    if (counts && generation === this.generationOf(pollId)) {
      this.keepTotals(db, pollId, counts, generation);
      keep(mapIn(this.choices, db), choiceKey, { value: counts.myChoice, generation, expires: Date.now() + maxAgeMs }, maxReaders);
    }
    return counts;
  }

  /** Clears everything kept for one poll, and makes reads in flight for it not kept. */
  clearPoll(pollId: string): void {
    this.clock += 1;
    this.pollClearedAt.set(pollId, this.clock);
  }

  /** Clears everything (tests that write ballots without an event). */
  clearAll(): void {
    this.clock += 1;
    this.everythingClearedAt = this.clock;
    // Every poll's generation is now the clock: the per-poll marks are no longer needed.
    this.pollClearedAt.clear();
  }

  private generationOf(pollId: string): number {
    return Math.max(this.pollClearedAt.get(pollId) ?? 0, this.everythingClearedAt);
  }

  /** Signed-out misses of one poll share one read, unless a clear came since it began. */
  private async sharedLoad(db: Db, pollId: string, generation: number): Promise<PollCounts | null> {
    const loading = mapIn(this.loading, db);
    const pending = loading.get(pollId);
    if (pending && pending.generation === generation) return pending.counts;
    const counts = readPollCounts(db, pollId, null);
    loading.set(pollId, { generation, counts });
    try {
      const loaded = await counts;
      if (loaded && generation === this.generationOf(pollId)) this.keepTotals(db, pollId, loaded, generation);
      return loaded;
    } finally {
      if (loading.get(pollId)?.counts === counts) loading.delete(pollId);
    }
  }

  private keepTotals(db: Db, pollId: string, counts: PollCounts, generation: number): void {
    const { myChoice: _theirs, ...totals } = counts;
    keep(mapIn(this.totals, db), pollId, { value: totals, generation, expires: Date.now() + maxAgeMs }, maxPolls);
  }

  /**
   * This process's ballots clear at once; live events clear as they arrive. The process's bus can
   * be replaced (tests): follow it, so its events keep clearing.
   */
  private follow(): void {
    this.stopLocal ??= onPollResultsChanged((pollId) => this.clearPoll(pollId));
    const bus = getLiveBus();
    if (this.observed?.bus === bus) return;
    this.observed?.stop();
    this.observed = { bus, stop: bus.observe("poll", (event) => this.clearPoll(event.channel.slice("poll:".length))) };
  }
}

function fresh<T>(kept: Kept<T> | undefined, generation: number, now: number): Kept<T> | null {
  return kept && kept.generation === generation && kept.expires > now ? kept : null;
}

/** Sets `key`, dropping the oldest entry first when the map is full. */
function keep<V>(map: Map<string, V>, key: string, value: V, cap: number): void {
  map.delete(key);
  if (map.size >= cap) map.delete(map.keys().next().value!);
  map.set(key, value);
}

// On globalThis for the reason of server/db/index.ts: Next bundles server code into several chunks.
const globalForResults = globalThis as typeof globalThis & { __tuiquanKeptResults?: KeptResults };
const keptResults = (globalForResults.__tuiquanKeptResults ??= new KeptResults());

/** A poll's counts and the reader's own choice, as `readPollCounts` gives them, from what is kept when fresh. */
export function keptPollCounts(db: Db, pollId: string, userId: string | null): Promise<PollCounts | null> {
  return keptResults.read(db, pollId, userId);
}

/** Forgets every kept count and choice (tests that write ballots straight into the database). */
export function forgetKeptPollResults(): void {
  keptResults.clearAll();
}
