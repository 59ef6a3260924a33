/** For the concurrency tests: the maintained columns recomputed from the rows they summarize. */
import type { Db } from "@/server/db/client.ts";

/** Comments whose replyCount differs from their visible direct replies (tombstones holding replies count). */
export function replyCountDrift(db: Db, essayId: string) {
  return db.$queryRaw<{ id: string; replyCount: number; actual: number }[]>`
    SELECT p.id, p."replyCount", count(c.id)::int AS actual
    FROM "Comment" p
    LEFT JOIN "Comment" c ON c."parentId" = p.id AND (c.status = 'VISIBLE' OR c."replyCount" > 0)
    WHERE p."essayId" = ${essayId}
    GROUP BY p.id
    HAVING p."replyCount" <> count(c.id)`;
}
