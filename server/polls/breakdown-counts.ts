/**
 * The breakdown's counts, read from the maintained cross-tab `PollAnswerPair` (docs/polls.md,
 * "Breakdown: the maintained cross-tab"): one indexed read of at most 12 × 12 rows, instead of a
 * join over every ballot of both polls (about 50 ms of database time at 50,000 voters, and far
 * more under load). Triggers on BallotChoice keep the table in the ballot's own transaction, so it
 * is exactly as fresh as the polls' own counts.
 */
import type { Db } from "@/server/db/client.ts";

/** counts[r][c]: readers whose ballots hold both rows[r] and columns[c] (options of two polls). */
export async function readBreakdownCounts(db: Db, rows: string[], columns: string[]): Promise<number[][]> {
  const counts = rows.map(() => columns.map(() => 0));
  if (rows.length === 0 || columns.length === 0) return counts;
  const pairs = await db.$queryRaw<Array<{ optionId: string; otherOptionId: string; voters: number }>>`
    SELECT "optionId", "otherOptionId", "voters" FROM "PollAnswerPair"
    WHERE ("optionId" = ANY (${rows}::text[]) AND "otherOptionId" = ANY (${columns}::text[]))
       OR ("optionId" = ANY (${columns}::text[]) AND "otherOptionId" = ANY (${rows}::text[]))`;
  const rowIndex = new Map(rows.map((id, i) => [id, i]));
  const columnIndex = new Map(columns.map((id, i) => [id, i]));
  for (const pair of pairs) {
    // Stored once per pair, the smaller id first: either side may be the row.
    const [row, column] = rowIndex.has(pair.optionId) ? [pair.optionId, pair.otherOptionId] : [pair.otherOptionId, pair.optionId];
    const r = rowIndex.get(row);
    const c = columnIndex.get(column);
    if (r !== undefined && c !== undefined) counts[r]![c] = Number(pair.voters);
  }
  return counts;
}
