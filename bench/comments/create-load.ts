/**
 * `comments.create` from 100 signed-in readers: top-level comments, replies to seeded threads
 * and paragraph comments, each with its own text. Afterwards the database must hold exactly the
 * acknowledged comments (none lost), and every reply count must equal its replies.
 */
import type { Db } from "@/server/db/client.ts";
import { benchUserId, sessionCookieFor } from "../lib/accounts.ts";
import type { BenchScenario } from "../lib/suite.ts";
import { checkNoneLost, checkTallies } from "../lib/tallies.ts";
import { mutationBody, mutationPath } from "../lib/trpc-wire.ts";
import { runWriteLoad, writeLoadNotes } from "../lib/write-load.ts";
import { commentBodies } from "./bodies.ts";
import type { CommentsFixture } from "./fixture.ts";
import { commentId, type CommentTree } from "./seed.ts";

/** Comments whose reply count differs from their replies, on one essay. */
export async function replyCountMismatches(db: Db, tree: CommentTree): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<Array<{ id: string; stored: number; counted: number }>>(
    `SELECT c.id, c."replyCount" AS stored, count(r.id)::int AS counted
     FROM "Comment" c LEFT JOIN "Comment" r ON r."parentId" = c.id AND r.status = 'VISIBLE'
     WHERE c."essayId" = $1::text
     GROUP BY c.id, c."replyCount" HAVING c."replyCount" <> count(r.id)`,
    tree.essayId,
  );
  return checkTallies(rows.map((row) => ({ label: `replyCount of ${row.id}`, stored: row.stored, counted: row.counted })));
}

export function createLoad(fixture: () => CommentsFixture): BenchScenario {
  const label = "`comments.create` from 100 accounts";
  return {
    kind: "scenario",
    label,
    goal: { minPerSecond: 300 },
    async run(context) {
      const { main, creators, paragraphKeys } = fixture();
      const bodies = commentBodies();
      let sent = 0;
      const next = () => {
        const i = sent++;
        const body = `${bodies[i % bodies.length]}\n\n（第 ${i + 1} 条 bench comment）`;
        const input =
          i % 4 === 3
            ? { slug: main.slug, body, parentId: commentId(main, 1 + ((i * 7) % main.topLevel)) }
            : i % 10 === 5 && paragraphKeys.length > 0
              ? { slug: main.slug, body, paragraphKey: paragraphKeys[i % paragraphKeys.length]! }
              : { slug: main.slug, body };
        return {
          method: "POST" as const,
          path: mutationPath("comments.create"),
          headers: { cookie: sessionCookieFor(benchUserId(creators.prefix, 1 + (i % creators.count))) },
          body: mutationBody(input),
        };
      };
      const load = await runWriteLoad(context, label, next);
      return {
        measured: load.measured,
        notes: writeLoadNotes(label, load),
        check: {
          exact: `${load.acknowledged.toLocaleString("en-US")} acknowledged = rows; reply counts exact`,
          async run(db) {
            const [{ stored }] = (await db.$queryRawUnsafe<Array<{ stored: number }>>(
              `SELECT count(*)::int AS stored FROM "Comment" WHERE "authorId" LIKE $1::text || '%'`,
              creators.prefix,
            )) as [{ stored: number }];
            return [
              ...checkNoneLost({ noun: "comments", acknowledged: load.acknowledged, unanswered: load.unanswered, stored }),
              ...(await replyCountMismatches(db, main)),
            ];
          },
        },
      };
    },
  };
}
