/**
 * Upvotes from 1,000 signed-in readers on 100 comments, every (reader, comment) pair at most once
 * (bench/lib/tallies.ts, votePair), so each acknowledged upvote must add exactly one to a score.
 * Afterwards each comment's score must equal its CommentVote rows and the seed's score plus the
 * acknowledged upvotes, and the last live "scores" event that names a voted comment must carry
 * that score: what a reader with the page open ends up seeing (events gather the essay's voted
 * comments per interval, server/live/score-events.ts, so the load waits out one interval before
 * the server stops).
 */
import { benchUserId, sessionCookieFor } from "../lib/accounts.ts";
import type { BenchScenario } from "../lib/suite.ts";
import { checkTallies, votePair } from "../lib/tallies.ts";
import { mutationBody, mutationPath } from "../lib/trpc-wire.ts";
import { runWriteLoad, writeLoadNotes } from "../lib/write-load.ts";
import { scoreEventIntervalMs } from "../../server/live/score-events.ts";
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
      // The last coalesced score events are published at most one interval after the last vote.
      await new Promise((resolve) => setTimeout(resolve, 4 * scoreEventIntervalMs));
      return {
        measured: load.measured,
        notes: writeLoadNotes(label, load),
        check: {
          exact: `${load.acknowledged.toLocaleString("en-US")} acknowledged; every score = its votes = seed + acknowledged = its last live event`,
          async run(db) {
            const rows = await db.$queryRawUnsafe<Array<{ id: string; score: number; counted: number }>>(
              `SELECT c.id, c.score, (SELECT count(*)::int FROM "CommentVote" v WHERE v."commentId" = c.id) AS counted
               FROM "Comment" c WHERE c.id = ANY(string_to_array($1::text, ','))`,
              voteTargets.map((target) => target.id).join(","),
            );
            const byId = new Map(rows.map((row) => [row.id, row]));
            const voted = voteTargets.filter((target) => upvotes.get(target.id)! > 0).map((target) => target.id);
            const lastEvents = await db.$queryRawUnsafe<Array<{ id: string; score: number }>>(
              `SELECT DISTINCT ON (entry->>'commentId') entry->>'commentId' AS id, (entry->>'score')::int AS score
               FROM "LiveEvent" e CROSS JOIN LATERAL jsonb_array_elements(e.payload->'json'->'scores') AS entry
               WHERE e.payload->'json'->>'type' = 'scores' AND entry->>'commentId' = ANY(string_to_array($1::text, ','))
               ORDER BY entry->>'commentId', e.id DESC`,
              voted.join(","),
            );
            const lastScore = new Map(lastEvents.map((event) => [event.id, event.score]));
            const liveProblems = voted
              .filter((id) => lastScore.get(id) !== byId.get(id)?.score)
              .slice(0, 3)
              .map((id) => `last live score of ${id} is ${lastScore.get(id) ?? "missing"}, its score ${byId.get(id)?.score ?? "missing"}`);
            return liveProblems.concat(checkTallies(
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
            ));
          },
        },
      };
    },
  };
}
