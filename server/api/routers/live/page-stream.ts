/**
 * live.page: the comments, polls and notifications one page follows, merged into one stream so
 * that a browser tab holds one server-sent events connection (an origin gets only six over
 * HTTP/1.1; docs/live-updates.md). Each channel is the same stream as its own subscription
 * (live.comments, live.poll, live.notifications); every message is tracked with the vector of
 * the last id sent per channel.
 */
import { tracked } from "@trpc/server";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { commentsChannel, notificationsChannel, pollChannel } from "@/server/live/channels.ts";
import { latestLiveEventId } from "@/server/live/event-store.ts";
import { commentEvents, essayIdForLive } from "./comments-stream.ts";
import { decodeEventVector, encodeEventVector, type EventVector } from "./event-vector.ts";
import { mergeStreams } from "./merge-streams.ts";
import { notificationEvents } from "./notifications-stream.ts";
import { pollEvents } from "./poll-stream.ts";
import type { LivePageMessage } from "./schemas.ts";

interface PageInput {
  slug?: string;
  pollIds?: string[];
  notifications?: boolean;
  lastEventId?: string | null;
}

/** A message and the vector entry it moves. */
interface Step {
  message: LivePageMessage;
  advance(vector: EventVector): void;
}

export async function* pageStream(db: Db, user: Pick<SessionUser, "id" | "role"> | null, input: PageInput, signal: AbortSignal | undefined) {
  const resume = decodeEventVector(input.lastEventId);
  const essayId = input.slug === undefined ? null : await essayIdForLive(db, input.slug);
  // A poll removed while the page is open must not take the comments down with it: unknown ids are skipped.
  const polls = input.pollIds?.length ? await db.poll.findMany({ where: { id: { in: input.pollIds } }, select: { id: true } }) : [];
  const userId = input.notifications && user ? user.id : null;

  // A channel the client has no id for starts at its newest event, and that id goes out in `ready`.
  const start: EventVector = { polls: new Map() };
  if (essayId) start.comments = resume.comments ?? (await latestLiveEventId(db, commentsChannel(essayId)));
  if (userId) start.notifications = resume.notifications ?? (await latestLiveEventId(db, notificationsChannel(userId)));
  for (const poll of polls) start.polls.set(poll.id, resume.polls.get(poll.id) ?? (await latestLiveEventId(db, pollChannel(poll.id))));

  const vector: EventVector = { ...start, polls: new Map(start.polls) };
  const ready: LivePageMessage = { channel: "ready" };
  yield tracked(encodeEventVector(vector), ready);

  const steps = mergeStreams<Step>((streams) => {
    const all: AsyncIterable<Step>[] = [];
    if (essayId) {
      all.push(
        map(commentEvents(db, essayId, start.comments, streams), ({ id, event }) => ({
          message: { channel: "comments", event },
          advance: (v) => (v.comments = id),
        })),
      );
    }
    if (userId) {
      all.push(
        map(notificationEvents(db, userId, start.notifications, streams), ({ id, event }) => ({
          message: { channel: "notifications", event },
          advance: (v) => (v.notifications = id),
        })),
      );
    }
    for (const poll of polls) {
      all.push(
        map(pollEvents(db, user, poll.id, start.polls.get(poll.id), streams), ({ id, event }) => ({
          message: { channel: "poll", pollId: poll.id, event },
          advance: (v) => void v.polls.set(poll.id, id),
        })),
      );
    }
    return all;
  }, signal);

  for await (const step of steps) {
    step.advance(vector);
    yield tracked(encodeEventVector(vector), step.message);
  }
}

async function* map<T, U>(source: AsyncIterable<T>, transform: (value: T) => U): AsyncGenerator<U, void, undefined> {
  for await (const value of source) yield transform(value);
}
