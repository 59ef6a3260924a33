/**
 * Live score updates of comments: at most one "scores" event per essay channel per quarter second,
 * carrying the score of every comment voted on since the last one, each as it is when the event
 * is stored ({ type: "scores", scores: [{ commentId, score }, …] }).
 *
 * Votes on an essay's comments come in hundreds a second, spread over many comments. One event per
 * vote, or even per comment per interval, would be a second statement for nearly every vote, each
 * queued on the channel's lock (event-store.ts) and sent through LISTEN/NOTIFY to every server,
 * and readers would get more updates than a number on screen can show. So votes announce here: the
 * first at once, the comments voted on within the next 250 ms gathered into one more event at its
 * end (CoalescedPublisher on the channel, merging the sets of comment ids).
 *
 * Why the last score readers see of each comment is exact: the scores are not taken from the votes
 * that triggered the event but read by the event's own statement, after it holds the channel's
 * lock, with a locking read (the latest committed version). Events of a channel are stored in lock
 * order, so a later event never carries an older score; and the vote that committed last on a
 * comment announces after its commit, so the comment is in a publication that starts after that
 * commit (at once, or at the end of the interval), whose read includes every vote.
 */
import type { Db } from "@/server/db/client.ts";
import { Prisma } from "@/server/db/generated/client.ts";
import { commentsChannel, type LiveChannel } from "./channels.ts";
import { CoalescedPublisher } from "./coalesced-publisher.ts";
import { isNothingToPublish, PayloadFromDatabase } from "./event-store.ts";
import { publishLiveEvent } from "./publish.ts";

/** Readers see a vote within a quarter second; an essay's votes cost four events a second (per 100 comments voted on). */
export const scoreEventIntervalMs = 250;

/**
 * Comments per event. 100 entries of cuid-sized ids make a NOTIFY message of about 6 KB, under
 * the 7,900 bytes above which an event is sent by reference and every listening server must read
 * it back (event-store.ts); more comments in one interval become several events.
 */
export const maxScoresPerEvent = 100;

/**
 * The payload of a scores event for these comments, read under the channel's lock. The locking
 * read sits in a subquery because PostgreSQL allows no FOR KEY SHARE next to an aggregate; comments
 * that are gone are left out, and when none is left there is no row, so no event.
 */
export function currentScoresPayload(commentIds: readonly string[]): PayloadFromDatabase {
  return new PayloadFromDatabase(
    (lock) => Prisma.sql`
      SELECT jsonb_build_object('type', 'scores', 'scores', jsonb_agg(jsonb_build_object('commentId', locked.id, 'score', locked.score) ORDER BY locked.id)) AS json
      FROM (
        SELECT c.id, c.score FROM ${lock} CROSS JOIN "Comment" c WHERE c.id IN (${Prisma.join(commentIds)})
        FOR KEY SHARE OF c
      ) locked
      HAVING count(*) > 0`,
  );
}

/** The comments voted on during one interval, in the order of their first vote. */
type VotedComments = Set<string>;

async function publishScores(db: Db, channel: LiveChannel, commentIds: VotedComments): Promise<void> {
  const ids = [...commentIds];
  // One batch after the other: each waits for the channel's lock anyway, and in order they are stored in order.
  for (let start = 0; start < ids.length; start += maxScoresPerEvent) {
    try {
      await publishLiveEvent(db, channel, currentScoresPayload(ids.slice(start, start + maxScoresPerEvent)));
    } catch (error) {
      // Every comment of the batch is gone (their essay was deleted): no one is left to tell.
      if (!isNothingToPublish(error)) throw error;
    }
  }
}

/** Into the waiting set, in place: every announcement brings a fresh set, so no one else holds it. */
function gather(pending: VotedComments, next: VotedComments): VotedComments {
  for (const id of next) pending.add(id);
  return pending;
}

// On globalThis, like the bus: Next.js may bundle this module into several chunks.
const globalForScores = globalThis as typeof globalThis & { __tuiquanScoreBatches?: CoalescedPublisher<VotedComments> };

function announcer(): CoalescedPublisher<VotedComments> {
  globalForScores.__tuiquanScoreBatches ??= new CoalescedPublisher(publishScores, scoreEventIntervalMs, gather);
  return globalForScores.__tuiquanScoreBatches;
}

/** Call after the vote committed; returns at once (a failed publish is logged, never thrown). */
export function announceCommentScore(db: Db, essayId: string, commentId: string): void {
  announcer().announce(db, commentsChannel(essayId), new Set([commentId]));
}

/** Resolves once every score announced so far is stored (tests read the events after it). */
export function flushScoreEvents(): Promise<void> {
  return announcer().flush();
}
