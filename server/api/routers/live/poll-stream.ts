/**
 * live.poll: "results changed" pings for one poll, at most two a second. The reader then refetches
 * polls.results, which decides per reader what they may see. A poll whose results nobody but
 * moderators may see yet sends non-moderators nothing at all, not even the rhythm of the votes.
 */
import { tracked } from "@trpc/server";
import { appError } from "@/server/api/errors.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { pollChannel } from "@/server/live/channels.ts";
import { liveStream } from "@/server/live/live-stream.ts";
import { getLiveBus } from "@/server/live/process-bus.ts";
import { resultsHiddenReason } from "@/server/polls/visibility.ts";
import type { PollLiveEvent } from "./schemas.ts";

/** Pings are coalesced to one per this many ms per subscriber. */
export const pollPingIntervalMs = 500;

/** What the visibility rule needs of a poll, read once when the stream opens. */
export const livePollSelect = { id: true, resultsVisibility: true, opensAt: true, closesAt: true } as const;
type LivePoll = Parameters<typeof resultsHiddenReason>[0] & { id: string };

/** The poll's pings with their LiveEvent ids, for this reader (shared by live.poll and live.page). */
export async function* pollEvents(db: Db, user: Pick<SessionUser, "role"> | null, poll: LivePoll, lastEventId: string | null | undefined, signal: AbortSignal | undefined) {
  const events = liveStream({ db, bus: getLiveBus(), channel: pollChannel(poll.id), lastEventId, signal, coalesceMs: pollPingIntervalMs });
  for await (const event of events) {
    // Hidden even from a reader who has voted: then this reader learns nothing from a ping.
    if (resultsHiddenReason(poll, { role: user?.role ?? null, hasVoted: true }) !== null) continue;
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
  const poll = await db.poll.findUnique({ where: { id: input.pollId }, select: livePollSelect });
  if (!poll) throw appError("NOT_FOUND", "polls.notFound");
  for await (const { id, event } of pollEvents(db, user, poll, input.lastEventId, signal)) yield tracked(id, event);
}
