/** Telling a poll's live subscribers that its counts changed (they refetch polls.results). */
import type { Db } from "@/server/db/client.ts";
import { pollChannel } from "./channels.ts";
import { CoalescedPublisher } from "./coalesced-publisher.ts";
import { publishLiveEvent } from "./publish.ts";

/** Subscribers refetch at most every 500 ms (live.poll); publishing more often would be wasted. */
const pollPublishIntervalMs = 250;

type PollChangeListener = (pollId: string) => void;

const globalForPolls = globalThis as typeof globalThis & {
  __tuiquanPollPings?: CoalescedPublisher;
  __tuiquanPollChangeListeners?: Set<PollChangeListener>;
};
const localListeners = (globalForPolls.__tuiquanPollChangeListeners ??= new Set());

/**
 * Calls `listener` synchronously whenever a ballot on THIS server changes a poll's counts, before
 * the ballot's answer is sent: for caches of this process that must not wait for the coalesced
 * event (server/polls/kept-results.ts). Other servers learn of it from the event.
 */
export function onPollResultsChanged(listener: PollChangeListener): () => void {
  localListeners.add(listener);
  return () => localListeners.delete(listener);
}

/** Call after the ballot's transaction committed; returns at once. */
export function announcePollResultsChanged(db: Db, pollId: string): void {
  for (const listener of localListeners) listener(pollId);
  globalForPolls.__tuiquanPollPings ??= new CoalescedPublisher(publishLiveEvent, pollPublishIntervalMs);
  globalForPolls.__tuiquanPollPings.announce(db, pollChannel(pollId), { type: "results-changed" });
}

/** Publishes the pings still waiting for their interval; for a server shutting down. */
export function flushPollResultsChanged(): Promise<void> {
  return globalForPolls.__tuiquanPollPings?.flush() ?? Promise.resolve();
}
