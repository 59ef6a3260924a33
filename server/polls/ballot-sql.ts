/**
 * A ballot or a withdrawal as one SQL statement: the functions `poll_cast_ballot` and
 * `poll_withdraw_ballot` (migrations …_poll_answer_pairs and …_ballot_fewer_statements; docs/polls.md,
 * "Concurrency"). Under load, first ballots are batched on top of this (first-ballots.ts).
 *
 * Why one statement: every ballot of a poll increments the same rows (the poll's voter count, its
 * options' counts, the day's tallies, the breakdown's cells). In an interactive transaction those row
 * locks were held from the update to the COMMIT, across several round trips to a Node process whose
 * event loop is saturated under load, so ballots queued behind one another at about 150/s. Run as one
 * autocommitted statement, the locks are taken last, inside the database, and released when it
 * commits a few microseconds later. The function validates against the stored poll, serialises one
 * reader's ballots with an advisory lock, applies only the difference, and returns the poll's counts
 * with the reader's choice, so the answer costs no further query.
 *
 * The rate limit on changes lives in the app (server/rate-limit), not in SQL: a change comes back as
 * `changeNeedsLimit` first; the caller consumes the limit and calls again with `mayChange`, and the
 * function re-reads the ballot under the lock, so a ballot changed in between is still handled right.
 */
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import { parsePollCounts, type PollCounts } from "./results-read.ts";

export type BallotRefusal = "notFound" | "notOpen" | "closed" | "optionNotInPoll" | "tooManyChoices" | "changeNotAllowed" | "changeNeedsLimit";

export type CastOutcome =
  | { outcome: "changed" | "unchanged"; counts: PollCounts }
  | { outcome: "tooManyChoices"; max: number }
  | { outcome: Exclude<BallotRefusal, "tooManyChoices"> };

export type WithdrawOutcome =
  | { outcome: "withdrawn" | "none"; counts: PollCounts }
  | { outcome: Exclude<BallotRefusal, "optionNotInPoll" | "tooManyChoices"> };

/**
 * The functions take every shared row in one global order (poll_lock_answer_pairs, then option ids,
 * the poll, the day's tallies), so ballots do not deadlock one another; a statement aborted anyway
 * (a deadlock with some other writer, or a serialization failure on a database run at a stricter
 * isolation level) stored nothing, so running it again is safe.
 */
const retriedCodes = new Set(["40P01", "40001"]);
const maxAttempts = 5;

function sqlStateOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const record = e as { code?: unknown; originalCode?: unknown; meta?: { code?: unknown; driverAdapterError?: unknown }; cause?: unknown };
    for (const code of [record.originalCode, record.meta?.code, record.code]) if (typeof code === "string" && retriedCodes.has(code)) return code;
    // Prisma wraps the driver's error: PrismaClientKnownRequestError.meta.driverAdapterError.cause.originalCode
    e = record.meta?.driverAdapterError ?? record.cause;
  }
  return undefined;
}

export async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= maxAttempts || !sqlStateOf(error)) throw error;
    }
  }
}

/** The function's `timestamp(3)` parameter: the columns hold UTC without a zone. */
export function utcTimestamp(at: Date): string {
  return at.toISOString().replace("T", " ").replace("Z", "");
}

function parseOutcome(value: unknown): Record<string, unknown> {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (!parsed || typeof parsed !== "object" || typeof (parsed as { outcome?: unknown }).outcome !== "string") {
    throw new Error("poll ballot function returned no outcome");
  }
  return parsed as Record<string, unknown>;
}

export async function castBallotStatement(
  db: Db | Prisma.TransactionClient,
  input: { pollId: string; userId: string; optionIds: string[]; now: Date; mayChange: boolean },
): Promise<CastOutcome> {
  const row = await withRetry(
    () => db.$queryRaw<Array<{ result: unknown }>>`
      SELECT "poll_cast_ballot"(${input.pollId}, ${input.userId}, ${input.optionIds}::text[], ${utcTimestamp(input.now)}::timestamp(3), ${input.mayChange}) AS result`,
  );
  const result = parseOutcome(row[0]?.result);
  switch (result.outcome) {
    case "changed":
    case "unchanged":
      return { outcome: result.outcome, counts: parsePollCounts(result) };
    case "tooManyChoices":
      return { outcome: "tooManyChoices", max: Number(result.max) };
    case "notFound":
    case "notOpen":
    case "closed":
    case "optionNotInPoll":
    case "changeNotAllowed":
    case "changeNeedsLimit":
      return { outcome: result.outcome };
    default:
      throw new Error(`poll_cast_ballot: unknown outcome ${String(result.outcome)}`);
  }
}

export async function withdrawBallotStatement(db: Db, input: { pollId: string; userId: string; now: Date; mayChange: boolean }): Promise<WithdrawOutcome> {
  const row = await withRetry(
    () => db.$queryRaw<Array<{ result: unknown }>>`
      SELECT "poll_withdraw_ballot"(${input.pollId}, ${input.userId}, ${utcTimestamp(input.now)}::timestamp(3), ${input.mayChange}) AS result`,
  );
  const result = parseOutcome(row[0]?.result);
  switch (result.outcome) {
    case "withdrawn":
    case "none":
      return { outcome: result.outcome, counts: parsePollCounts(result) };
    case "notFound":
    case "notOpen":
    case "closed":
    case "changeNotAllowed":
    case "changeNeedsLimit":
      return { outcome: result.outcome };
    default:
      throw new Error(`poll_withdraw_ballot: unknown outcome ${String(result.outcome)}`);
  }
}
