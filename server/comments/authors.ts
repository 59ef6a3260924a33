/**
 * The author of each comment on a page, in one query: name, moderator badge, and the poll badge —
 * the author's answer to the essay's main poll, shown only when they chose to (User.showPollBadge).
 */
import type { Db } from "@/server/db/client.ts";
import { Prisma } from "@/server/db/generated/client.ts";
import type { CommentView } from "@/server/api/routers/comments/schemas.ts";

type Reader = Db | Prisma.TransactionClient;
export type CommentAuthor = NonNullable<CommentView["author"]>;

/** The essay's main poll (content/polls.json): the answer a reader may wear as a badge. */
export const badgePollKey = "left-web3";

export interface AuthorRow {
  id: string;
  name: string | null;
  role: string;
  optionKey: string | null;
  labelZh: string | null;
  labelEn: string | null;
}

/**
 * The author columns (AuthorRow) of the users that `who` (a condition on `u`) selects: for
 * loadAuthors, and for a writer that reads its author in the statement that writes
 * (comments.create), saving a round trip.
 */
export function authorRowsSql(essayId: string, who: Prisma.Sql): Prisma.Sql {
  // The LATERAL join reads a ballot only for authors who show their badge; a single-choice poll
  // has one choice per ballot, and LIMIT 1 keeps a multiple-choice one to its first option.
  return Prisma.sql`
    SELECT u.id, u.name, u.role::text AS role, badge.key AS "optionKey", badge."labelZh", badge."labelEn"
    FROM "User" u
    LEFT JOIN LATERAL (
      SELECT o.key, o."labelZh", o."labelEn"
      FROM "Poll" p
      JOIN "Ballot" b ON b."pollId" = p.id AND b."userId" = u.id
      JOIN "BallotChoice" bc ON bc."ballotId" = b.id
      JOIN "PollOption" o ON o.id = bc."optionId"
      WHERE u."showPollBadge" AND p."essayId" = ${essayId} AND p.key = ${badgePollKey}
      ORDER BY o.position ASC
      LIMIT 1
    ) badge ON true
    WHERE ${who}`;
}

export function authorFromRow(row: AuthorRow): CommentAuthor {
  return {
    id: row.id,
    name: row.name,
    isModerator: row.role === "MODERATOR" || row.role === "ADMIN",
    pollBadge: row.optionKey === null ? null : { optionKey: row.optionKey, label: { zh: row.labelZh ?? "", en: row.labelEn ?? "" } },
  };
}

export async function loadAuthors(db: Reader, essayId: string, authorIds: Iterable<string>): Promise<Map<string, CommentAuthor>> {
  const ids = [...new Set(authorIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<AuthorRow[]>`${authorRowsSql(essayId, Prisma.sql`u.id IN (${Prisma.join(ids)})`)}`;
  return new Map(rows.map((row) => [row.id, authorFromRow(row)]));
}
