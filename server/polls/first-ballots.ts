/**
 * A reader's first ballot, written together with the first ballots that arrive while earlier ones
 * are being written: one call of `poll_cast_first_ballots` (migration …_ballot_fewer_statements)
 * for many readers, one round trip and one commit instead of one each, and each shared counter
 * (an option's votes, the poll's voters, the day's tallies) updated once per batch.
 *
 * Why: under load every ballot of a poll updates the same rows, and each statement costs the app a
 * round trip (Prisma, pg, a socket write) and the database a commit. Measured on this machine's
 * PostgreSQL, a batch of five costs the database about a third of the CPU per ballot of five single
 * calls. When the database keeps up, nothing waits: a ballot goes out alone, as the single
 * statement it always was; only while `maxInFlight` writes are already under way do arrivals queue,
 * and the next write takes all of them (one per reader, at most `maxBatch`).
 *
 * Exactness is the database's: the batch takes the readers' advisory locks in sorted order, then
 * the shared rows in the same global order as a single ballot, so nothing deadlocks; it accepts
 * only valid first ballots of readers with no ballot on any poll of the essay and answers
 * "single" for the rest (refusals, changes, repeats), which then run `poll_cast_ballot` alone,
 * as before. If the batch fails as a whole, each of its ballots runs alone, so one bad ballot
 * cannot refuse another reader's.
 */
import type { Db } from "@/server/db/client.ts";
import { castBallotStatement, utcTimestamp, withRetry, type CastOutcome } from "./ballot-sql.ts";
import { parsePollCounts } from "./results-read.ts";

export interface FirstBallot {
  pollId: string;
  userId: string;
  optionIds: string[];
  now: Date;
}

interface Waiting {
  ballot: FirstBallot;
  resolve(outcome: CastOutcome): void;
  reject(error: unknown): void;
}

/** Writes under way at once per database handle (the pool has 10 connections by default). */
const maxInFlight = 4;
/**
 * Ballots per batch: bounds one statement's size, how long its rows stay locked, and on PGlite
 * (one connection) how long every other statement waits behind it: 50 made the PGlite bench's
 * p99 about 800 ms, 10 about 300 ms, and in batches of 10 PostgreSQL spends 0.14 ms per ballot
 * against 0.17 ms in batches of 5, so larger ones would gain little.
 */
const maxBatch = 10;

interface Batcher {
  queue: Waiting[];
  inFlight: number;
}

// Per database handle: tests open several, and a batch must stay on its own database.
const batchers = new WeakMap<Db, Batcher>();

/**
 * The first attempt of polls.vote (no change allowed yet): the same answers as
 * `castBallotStatement(db, { ...ballot, mayChange: false })`, batched with others under load.
 */
export function castBallotFirstAttempt(db: Db, ballot: FirstBallot): Promise<CastOutcome> {
  let batcher = batchers.get(db);
  if (!batcher) batchers.set(db, (batcher = { queue: [], inFlight: 0 }));
  const waiting = new Promise<CastOutcome>((resolve, reject) => batcher.queue.push({ ballot, resolve, reject }));
  pump(db, batcher);
  return waiting;
}

function pump(db: Db, batcher: Batcher): void {
  while (batcher.queue.length > 0 && batcher.inFlight < maxInFlight) {
    const batch = takeBatch(batcher.queue);
    batcher.inFlight++;
    void write(db, batch).finally(() => {
      batcher.inFlight--;
      pump(db, batcher);
    });
  }
}

/** Up to maxBatch waiting ballots, one per reader (a reader's second waits for the next batch). */
function takeBatch(queue: Waiting[]): Waiting[] {
  const readers = new Set<string>();
  const batch: Waiting[] = [];
  for (let i = 0; i < queue.length && batch.length < maxBatch; ) {
    const waiting = queue[i]!;
    if (readers.has(waiting.ballot.userId)) {
      i++;
      continue;
    }
    readers.add(waiting.ballot.userId);
    batch.push(waiting);
    queue.splice(i, 1);
  }
  return batch;
}

async function write(db: Db, batch: Waiting[]): Promise<void> {
  if (batch.length === 1) return castAlone(db, batch[0]!);
  let answers: unknown[];
  try {
    answers = await castTogether(db, batch.map((w) => w.ballot));
  } catch {
    // Stored nothing (one statement): each ballot alone, so a failure is only its own.
    await Promise.all(batch.map((w) => castAlone(db, w)));
    return;
  }
  await Promise.all(
    batch.map((waiting, i) => {
      const answer = answers[i] as { outcome?: unknown } | undefined;
      if (answer?.outcome !== "changed") return castAlone(db, waiting);
      try {
        waiting.resolve({ outcome: "changed", counts: parsePollCounts(answer) });
      } catch (error) {
        waiting.reject(error);
      }
      return undefined;
    }),
  );
}

async function castAlone(db: Db, waiting: Waiting): Promise<void> {
  try {
    waiting.resolve(await castBallotStatement(db, { ...waiting.ballot, mayChange: false }));
  } catch (error) {
    waiting.reject(error);
  }
}

async function castTogether(db: Db, ballots: FirstBallot[]): Promise<unknown[]> {
  const items = JSON.stringify(ballots.map((b) => ({ pollId: b.pollId, userId: b.userId, optionIds: b.optionIds, at: utcTimestamp(b.now) })));
  const rows = await withRetry(() => db.$queryRaw<Array<{ answers: unknown }>>`SELECT "poll_cast_first_ballots"(${items}::jsonb) AS answers`);
  const value = rows[0]?.answers;
  const answers: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (!Array.isArray(answers) || answers.length !== ballots.length) throw new Error("poll_cast_first_ballots: one answer per ballot expected");
  return answers;
}
