/**
 * The publish/subscribe interface behind live updates (docs/live-updates.md). Two implementations:
 * in-process (memory-bus.ts: PGlite, one server process) and PostgreSQL LISTEN/NOTIFY
 * (postgres-bus.ts: several app servers on one database). Both store every event in LiveEvent
 * first, so subscribers can resume from an id.
 */
import type { Db } from "@/server/db/client.ts";
import type { LiveChannel } from "./channels.ts";
import type { LiveEventRecord } from "./event-store.ts";

export type LiveListener = (event: LiveEventRecord) => void;

/** The part of a channel's name before the colon: what LiveBus.observe listens to. */
export type LiveChannelKind = "comments" | "poll" | "notifications" | "sessions" | "moderation";

export function channelKind(channel: LiveChannel): LiveChannelKind {
  return channel.slice(0, channel.indexOf(":")) as LiveChannelKind;
}

/** What an observer hears of an event: which channel, which id; not the payload (it may not be read). */
export type LiveObserver = (event: Pick<LiveEventRecord, "id" | "channel">) => void;

export interface LiveBus {
  /**
   * Stores the event in `db` (LiveEvent) and delivers it to the subscribers of `channel` on every
   * app server. Call after the transaction that caused it has committed.
   */
  publish(db: Db, channel: LiveChannel, payload: unknown): Promise<LiveEventRecord>;
  /**
   * Calls `listener` for each event on `channel`, in id order, from now on. Cheap: the bus holds
   * one subscription per channel per process and fans out to local listeners.
   */
  subscribe(channel: LiveChannel, listener: LiveListener): () => void;
  /**
   * Calls `observer` for EVERY event on every channel of `kind` (e.g. every essay's comments) that
   * reaches this process, synchronously and BEFORE the channel's subscribers get it: a cache
   * cleared here is already fresh when a subscriber's browser refetches on the event
   * (server/http/read-cache.ts). Hears events from every app server; not events published while
   * the PostgreSQL bus's listener connection was down (those are replayed to subscribers only).
   */
  observe(kind: LiveChannelKind, observer: LiveObserver): () => void;
  /**
   * Resolves once events published from now on will reach subscribers (the PostgreSQL bus's
   * listener connection is LISTENing). A subscriber replaying from an id waits for it first.
   */
  ready(): Promise<void>;
  close(): Promise<void>;
}
