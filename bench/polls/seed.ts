/**
 * The polls issue's data set: readers `bpu_1…` (50,000 at full size) with a ballot on every seeded
 * poll (one option each, skewed so the results are not flat, cast over the last 30 days), and the
 * maintained counts (Poll.voterCount, PollOption.voteCount, the daily tallies) computed from those
 * rows. Set-based SQL: one statement per poll for the ballots, slices of 5,000 for the choices.
 */
import type { Db } from "@/server/db/client.ts";

export interface SeededPoll {
  id: string;
  key: string;
  voterCount: number;
  options: Array<{ id: string; voteCount: number }>;
}

/** Choices per INSERT (see below). */
const choiceSlice = 5000;

export async function seedBallots(db: Db, essaySlug: string, voters: { prefix: string; count: number }): Promise<SeededPoll[]> {
  const polls = await db.poll.findMany({
    where: { essay: { slug: essaySlug } },
    orderBy: { position: "asc" },
    select: { id: true, key: true, options: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  const ballot = `'bpb_' || $2::int || '_' || n`;
  for (const [index, poll] of polls.entries()) {
    await db.$executeRawUnsafe(
      `INSERT INTO "Ballot" (id, "pollId", "userId", "createdAt", "updatedAt")
       SELECT ${ballot}, $1::text, $3::text || n, t.at, t.at
       FROM generate_series(1, $4::int) AS n
       CROSS JOIN LATERAL (SELECT now() - make_interval(secs => ((n::bigint * 7919 + $2::int * 104729) % 2592000)::int) AS at) t`,
      poll.id,
      index,
      voters.prefix,
      voters.count,
    );
  }
  // The choices' trigger (the breakdown's cross-tab, migration …_poll_answer_pairs) joins the
  // ballots: with no statistics on the rows just written (PGlite has no autovacuum), the planner
  // takes "Ballot" for empty and scans it once per choice, a quadratic join at 50,000 voters.
  await db.$executeRawUnsafe(`ANALYZE "Ballot"`);
  for (const [index, poll] of polls.entries()) {
    // In slices: the trigger looks each new choice up among the statement's other new ones
    // (a scan of its transition table), so its cost grows with the square of a statement's size.
    for (let first = 1; first <= voters.count; first += choiceSlice) {
      await db.$executeRawUnsafe(
        `INSERT INTO "BallotChoice" ("ballotId", "optionId")
         SELECT ${ballot}, (string_to_array($1::text, ','))[1 + floor($3::int * power(((n::bigint * 2654435761 + $2::int * 97) % 1000003) / 1000003.0, 1.6))::int]
         FROM generate_series($4::int, $5::int) AS n`,
        poll.options.map((o) => o.id).join(","),
        index,
        poll.options.length,
        first,
        Math.min(voters.count, first + choiceSlice - 1),
      );
    }
    await db.$executeRawUnsafe(`ANALYZE "BallotChoice"`);
  }
  await recountPolls(db, polls.map((p) => p.id));
  const counted = await db.poll.findMany({
    where: { id: { in: polls.map((p) => p.id) } },
    orderBy: { position: "asc" },
    select: { id: true, key: true, voterCount: true, options: { select: { id: true, voteCount: true }, orderBy: { position: "asc" } } },
  });
  return counted;
}

/** The maintained counts from the ballot rows, as the app keeps them. */
async function recountPolls(db: Db, pollIds: string[]): Promise<void> {
  const ids = pollIds.join(",");
  const these = `string_to_array($1::text, ',')`;
  await db.$executeRawUnsafe(
    `UPDATE "PollOption" o SET "voteCount" = (SELECT count(*)::int FROM "BallotChoice" c WHERE c."optionId" = o.id) WHERE o."pollId" = ANY(${these})`,
    ids,
  );
  await db.$executeRawUnsafe(
    `UPDATE "Poll" p SET "voterCount" = (SELECT count(*)::int FROM "Ballot" b WHERE b."pollId" = p.id) WHERE p.id = ANY(${these})`,
    ids,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "PollOptionDaily" ("optionId", day, net)
     SELECT c."optionId", b."createdAt"::date, count(*)::int FROM "BallotChoice" c JOIN "Ballot" b ON b.id = c."ballotId"
     WHERE b."pollId" = ANY(${these}) GROUP BY 1, 2
     ON CONFLICT ("optionId", day) DO UPDATE SET net = EXCLUDED.net`,
    ids,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "PollDailyVoters" ("pollId", day, net)
     SELECT b."pollId", b."createdAt"::date, count(*)::int FROM "Ballot" b
     WHERE b."pollId" = ANY(${these}) GROUP BY 1, 2
     ON CONFLICT ("pollId", day) DO UPDATE SET net = EXCLUDED.net`,
    ids,
  );
}
