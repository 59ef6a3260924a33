/**
 * Live score updates of comments: at most one "score" event per comment per quarter second, each
 * carrying the score as it is when the event is stored.
 *
 * A popular comment collects many votes a second; one event per vote would queue every vote on
 * the essay channel's lock (event-store.ts) and send readers more updates than a number on screen
 * can show. So votes announce here: the first at once, those within the next 250 ms folded into
 * one more event at its end (CoalescedPublisher, keyed by comment).
 *
 * Why the last score readers see is exact: the score is not taken from the vote that triggered
 * the event but read by the event's own statement, after it holds the channel's lock, with a
 * locking read (the latest committed version). Events of a channel are stored in lock order, so a
 * later event never carries an older score; and the vote that committed last announces after its
 * commit, so the last event of a comment reads a score that includes every vote.
 */
import type { Db } from "@/server/db/client.ts";
import { Prisma } from "@/server/db/generated/client.ts";
import { commentsChannel } from "./channels.ts";
import { CoalescedPublisher } from "./coalesced-publisher.ts";
import { isNothingToPublish, PayloadFromDatabase } from "./event-store.ts";
import { publishLiveEvent } from "./publish.ts";

/** Readers see a vote within a quarter second; a comment costs at most four events a second. */
export const scoreEventIntervalMs = 250;

/** The payload of a score event ({ type: "score", commentId, score }), read under the channel's lock. */
export function currentScorePayload(commentId: string): PayloadFromDatabase {
  return new PayloadFromDatabase(
    (lock) => Prisma.sql`
      SELECT jsonb_build_object('type', 'score', 'commentId', c.id, 'score', c.score) AS json
      FROM ${lock} CROSS JOIN "Comment" c WHERE c.id = ${commentId}
      FOR KEY SHARE OF c`,
  );
}

async function publishScore(db: Db, channel: Parameters<typeof publishLiveEvent>[1], payload: object): Promise<void> {
  try {
    await publishLiveEvent(db, channel, payload);
  } catch (error) {
    // The comment is gone (its essay was deleted): no one is left to tell.
    if (!isNothingToPublish(error)) throw error;
  }
}

// On globalThis, like the bus: Next.js may bundle this module into several chunks.
const globalForScores = globalThis as typeof globalThis & { __tuiquanScoreEvents?: CoalescedPublisher };

function announcer(): CoalescedPublisher {
  globalForScores.__tuiquanScoreEvents ??= new CoalescedPublisher(publishScore, scoreEventIntervalMs);
  return globalForScores.__tuiquanScoreEvents;
}

/** Call after the vote committed; returns at once (a failed publish is logged, never thrown). */
export function announceCommentScore(db: Db, essayId: string, commentId: string): void {
  announcer().announce(db, commentsChannel(essayId), currentScorePayload(commentId), `score:${commentId}`);
}

/** Resolves once every score announced so far is stored (tests read the events after it). */
export function flushScoreEvents(): Promise<void> {
  return announcer().flush();
}
