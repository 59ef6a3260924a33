/**
 * The over-time tallies of a poll, kept inside each ballot's transaction: per option and UTC day
 * the net change of its count (+1 chosen, −1 unchosen), and per poll and day the net change of its
 * voters (+1 new ballot, −1 withdrawn). Summed over all days they equal the current counts, so the
 * share on any past day is the running sum up to that day (server/polls/over-time.ts).
 *
 * Rows are upserted in option-id order, after the option counts were updated in that same order
 * (cast-ballot.ts), and the poll's row last, so concurrent ballots lock in one order.
 */
import type { Prisma } from "@/server/db/generated/client.ts";

type Tx = Prisma.TransactionClient;

/** The UTC calendar day of `at`, as PostgreSQL's date literal. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export async function recordDailyTallies(
  tx: Tx,
  { pollId, optionDeltas, voterDelta, at }: { pollId: string; optionDeltas: Map<string, number>; voterDelta: number; at: Date },
): Promise<void> {
  const day = utcDay(at);
  for (const optionId of [...optionDeltas.keys()].sort()) {
    const delta = optionDeltas.get(optionId)!;
    if (delta === 0) continue;
    await tx.$executeRaw`
      INSERT INTO "PollOptionDaily" ("optionId", "day", "net") VALUES (${optionId}, ${day}::date, ${delta})
      ON CONFLICT ("optionId", "day") DO UPDATE SET "net" = "PollOptionDaily"."net" + EXCLUDED."net"`;
  }
  if (voterDelta !== 0) {
    await tx.$executeRaw`
      INSERT INTO "PollDailyVoters" ("pollId", "day", "net") VALUES (${pollId}, ${day}::date, ${voterDelta})
      ON CONFLICT ("pollId", "day") DO UPDATE SET "net" = "PollDailyVoters"."net" + EXCLUDED."net"`;
  }
}
