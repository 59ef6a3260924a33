/**
 * Upvotes from 1,000 signed-in readers on 100 comments, every (reader, comment) pair at most once
 * (bench/lib/tallies.ts, votePair), so each acknowledged upvote must add exactly one to a score.
 * Afterwards each comment's score must equal its CommentVote rows and the seed's score plus the
 * acknowledged upvotes.
 */
import { benchUserId, sessionCookieFor } from "../lib/accounts.ts";
import type { BenchScenario } from "../lib/suite.ts";
import { checkTallies, votePair } from "../lib/tallies.ts";
import { mutationBody, mutationPath } from "../lib/trpc-wire.ts";
import { runWriteLoad, writeLoadNotes } from "../lib/write-load.ts";
import type { CommentsFixture } from "./fixture.ts";

export function voteLoad(fixture: () => CommentsFixture): BenchScenario {
  const label = "`comments.vote` (upvotes) from 1,000 accounts on 100 comments";
  return {
    kind: "scenario",
    label,
    goal: { minPerSecond: 1000 },
    async run(context) {
      const { voters, voteTargets } = fixture();
      const upvotes = new Map<string, number>(voteTargets.map((target) => [target.id, 0]));
      const unanswered = new Map<string, number>();
      let sent = 0;
      const next = () => {
        const pair = votePair(sent++, voters.count, voteTargets.length);
        if (!pair) return null;
        const commentId = voteTargets[pair.comment]!.id;
        return {
          method: "POST" as const,
          path: mutationPath("comments.vote"),
          headers: { cookie: sessionCookieFor(benchUserId(voters.prefix, 1 + pair.account)) },
          body: mutationBody({ commentId, upvoted: true }),
          tag: commentId,
        };
      };
      const load = await runWriteLoad<string>(
        context,
        label,
        next,
        (request) => upvotes.set(request.tag!, upvotes.get(request.tag!)! + 1),
        (request) => unanswered.set(request.tag!, (unanswered.get(request.tag!) ?? 0) + 1),
      );
      return {
        measured: load.measured,
        notes: writeLoadNotes(label, load),
        check: {
          exact: `${load.acknowledged.toLocaleString("en-US")} acknowledged; every score = its votes = seed + acknowledged`,
          async run(db) {
            const rows = await db.$queryRawUnsafe<Array<{ id: string; score: number; counted: number }>>(
              `SELECT c.id, c.score, (SELECT count(*)::int FROM "CommentVote" v WHERE v."commentId" = c.id) AS counted
               FROM "Comment" c WHERE c.id = ANY(string_to_array($1::text, ','))`,
              voteTargets.map((target) => target.id).join(","),
            );
            const byId = new Map(rows.map((row) => [row.id, row]));
            return checkTallies(
              voteTargets.map((target) => {
                const row = byId.get(target.id);
                return {
                  label: `score of ${target.id}`,
                  stored: row?.score ?? -1,
                  counted: row?.counted ?? -1,
                  expected: target.seededScore + upvotes.get(target.id)!,
                  unanswered: unanswered.get(target.id) ?? 0,
                };
              }),
            );
          },
        },
      };
    },
  };
}
