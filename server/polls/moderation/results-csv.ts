/**
 * The aggregate results of one poll as CSV, for moderators: a line about the poll (key, question,
 * voters, export time), then one line per option (key, labels, votes, share of voters). Read from
 * the maintained counts only — no ballot, voter or time of voting is ever read, so none can leak.
 */
import type { Db } from "@/server/db/client.ts";
import { csvDocument, type CsvCell } from "./csv.ts";

export interface ResultsCsv {
  /** ASCII, for the plain `filename=` parameter. */
  asciiFilename: string;
  /** The poll's Chinese question in the name, for `filename*=` (RFC 6266). */
  filename: string;
  body: string;
}

export async function pollResultsCsv(db: Db, pollId: string, exportedAt: Date = new Date()): Promise<ResultsCsv | null> {
  const poll = await db.poll.findUnique({
    where: { id: pollId },
    select: {
      key: true,
      questionZh: true,
      questionEn: true,
      voterCount: true,
      options: { select: { key: true, labelZh: true, labelEn: true, voteCount: true }, orderBy: { position: "asc" } },
    },
  });
  if (!poll) return null;

  const rows: CsvCell[][] = [
    ["poll", poll.key, "question_zh", poll.questionZh, "question_en", poll.questionEn, "voters", poll.voterCount, "exported_at", exportedAt.toISOString()],
    [],
    ["option_key", "label_zh", "label_en", "votes", "share_of_voters"],
    ...poll.options.map((option) => [option.key, option.labelZh, option.labelEn, option.voteCount, shareOf(option.voteCount, poll.voterCount)]),
  ];
  const day = exportedAt.toISOString().slice(0, 10);
  return {
    asciiFilename: `poll-${poll.key}-${day}.csv`,
    filename: `${filenameSafe(poll.questionZh) || poll.key}-${day}.csv`,
    body: csvDocument(rows),
  };
}

/** votes / voters to 4 decimals (a multiple-choice poll's shares add up to more than 1). */
function shareOf(votes: number, voters: number): number {
  return voters === 0 ? 0 : Math.round((votes / voters) * 10_000) / 10_000;
}

/** The question as part of a file name: no path separators, reserved or control characters, at most 40 characters. */
function filenameSafe(text: string): string {
  return [...text.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, " ").trim()].slice(0, 40).join("").trim();
}
