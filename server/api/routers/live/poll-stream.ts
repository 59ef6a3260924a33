/**
 * live.poll: "results changed" pings for one poll, at most two a second. The reader then refetches
 * polls.results, which decides per reader what they may see. A poll whose results nobody but
 * moderators may see yet sends non-moderators nothing at all, not even the rhythm of the votes.
 * The visibility is read again at each ping (poll-visibility-read.ts), so an open stream follows a
 * moderator's change of it.
 */
import { tracked } from "@trpc/server";
import { appError } from "@/server/api/errors.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { pollChannel } from "@/server/live/channels.ts";
import { liveStream } from "@/server/live/live-stream.ts";
import { getLiveBus } from "@/server/live/process-bus.ts";
import { isModerator, resultsHiddenReason } from "@/server/polls/visibility.ts";
import { pollVisibilityAt } from "./poll-visibility-read.ts";
import type { PollLiveEvent } from "./schemas.ts";

/** Pings are coalesced to one per this many ms per subscriber. */
export const pollPingIntervalMs = 500;

/** The poll's pings with their LiveEvent ids, for this reader (shared by live.poll and live.page). */
export async function* pollEvents(db: Db, user: Pick<SessionUser, "role"> | null, pollId: string, lastEventId: string | null | undefined, signal: AbortSignal | undefined) {
  const role = user?.role ?? null;
  const events = liveStream({ db, bus: getLiveBus(), channel: pollChannel(pollId), lastEventId, signal, coalesceMs: pollPingIntervalMs });
  for await (const event of events) {
    // Moderators always see the results: no need to ask.
    if (!isModerator(role)) {
      const poll = await pollVisibilityAt(db, pollId, event.id);
      // Hidden even from a reader who has voted: then this reader learns nothing from a ping.
      if (!poll || resultsHiddenReason(poll, { role, hasVoted: true }) !== null) continue;
    }
    const ping: PollLiveEvent = { type: "results-changed" };
    yield { id: event.id, event: ping };
  }
}

export async function* pollStream(
  db: Db,
  user: Pick<SessionUser, "role"> | null,
  input: { pollId: string; lastEventId?: string | null },
  signal: AbortSignal | undefined,
) {
  const poll = await db.poll.findUnique({ where: { id: input.pollId }, select: { id: true } });
  if (!poll) throw appError("NOT_FOUND", "polls.notFound");
  for await (const { id, event } of pollEvents(db, user, poll.id, input.lastEventId, signal)) yield tracked(id, event);
}
