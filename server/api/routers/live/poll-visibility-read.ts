/**
 * A poll's results visibility as of one of its live events, read from the database when the event
 * arrives, so that a stream follows a moderator who opens the results, hides them, or closes the
 * poll early while readers are watching.
 *
 * Fresh enough by construction: every moderator change announces itself on the poll's channel
 * after it commits (server/polls/moderation/announce-poll-change.ts), and this read starts after
 * that event reached the process, so it sees the change. A close at the scheduled time needs no
 * event: the rule compares closesAt with the clock at each ping.
 *
 * The subscribers of one process receive the same event at the same moment: they share one read
 * while it is in flight (keyed by poll and event id, so a later event is never answered with an
 * earlier read). Pings are coalesced to two a second per subscriber (live-stream.ts), so a busy
 * poll costs at most two of these small primary-key reads a second per process, not per reader.
 */
import type { Db } from "@/server/db/client.ts";
import type { resultsHiddenReason } from "@/server/polls/visibility.ts";

/** What the visibility rule needs of a poll. */
export const pollVisibilitySelect = { resultsVisibility: true, opensAt: true, closesAt: true } as const;
export type PollVisibility = Parameters<typeof resultsHiddenReason>[0];

const inFlight = new WeakMap<Db, Map<string, Promise<PollVisibility | null>>>();

/** The poll's visibility settings read after event `eventId` arrived; null once the poll is gone. */
export function pollVisibilityAt(db: Db, pollId: string, eventId: string): Promise<PollVisibility | null> {
  const reads = inFlight.get(db) ?? new Map<string, Promise<PollVisibility | null>>();
  inFlight.set(db, reads);
  const key = `${pollId}:${eventId}`;
  let read = reads.get(key);
  if (!read) {
    read = db.poll.findUnique({ where: { id: pollId }, select: pollVisibilitySelect }).finally(() => reads.delete(key));
    reads.set(key, read);
  }
  return read;
}
