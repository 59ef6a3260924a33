/**
 * The LiveEvent table: every published event is stored, so a client that reconnects with the id
 * of the last event it saw gets everything after it (tRPC's `tracked` ids), and a server whose
 * LISTEN connection dropped can replay what it missed.
 *
 * Ids are a bigserial, and bigserial ids may commit out of order. Within one channel they do not:
 * storeLiveEvent takes a transaction-scoped advisory lock on the channel before the id is drawn,
 * and the single statement commits right after, so on a channel id order is commit order and
 * "everything with id > N" is exact (docs/live-updates.md). The statement commits without waiting
 * for the disk (synchronous_commit off, for this transaction only): the channel's lock is then held
 * for well under a millisecond, and an event lost to a crash costs a client one refetch.
 */
import superjson, { type SuperJSONResult } from "superjson";
import type { Db } from "@/server/db/client.ts";
import type { LiveChannel } from "./channels.ts";

export interface LiveEventRecord {
  /** The bigserial id as a decimal string (what tRPC sends as the SSE event id). */
  id: string;
  channel: LiveChannel;
  payload: unknown;
}

/** The app-wide PostgreSQL NOTIFY channel that carries every live event. */
export const notifyChannel = "tuiquan_live";

/**
 * NOTIFY payloads are limited to 8000 bytes: a larger event is announced by channel and id only
 * and listeners read it from the table.
 */
export const maxNotifyPayloadBytes = 7900;

/** Events are kept this long: longer than any client stays disconnected and still resumes. */
export const liveEventRetentionMs = 60 * 60 * 1000;

/**
 * Payloads are stored as superjson (as tRPC sends them), so that what a subscriber gets from the
 * table or from another server has its Dates back, like what the publisher handed over.
 */
export function encodeLivePayload(payload: unknown): string {
  return JSON.stringify(superjson.serialize(payload));
}

export function decodeLivePayload(stored: unknown): unknown {
  return stored && typeof stored === "object" && "json" in stored ? superjson.deserialize(stored as SuperJSONResult) : stored;
}

/** Stores an event (and, with `notify`, sends it with pg_notify in the same statement). */
export async function storeLiveEvent(db: Db, channel: LiveChannel, payload: unknown, { notify }: { notify: boolean }): Promise<LiveEventRecord> {
  const json = encodeLivePayload(payload);
  const rows = notify
    ? await db.$queryRaw<{ id: string }[]>`
        WITH channel_lock AS (SELECT pg_advisory_xact_lock(hashtext(${channel})), set_config('synchronous_commit', 'off', true) AS locked),
        stored AS (
          INSERT INTO "LiveEvent" ("channel", "payload") SELECT ${channel}, ${json}::jsonb FROM channel_lock RETURNING "id", "channel", "payload"
        ),
        message AS (
          SELECT "id",
                 json_build_object('channel', "channel", 'id', "id"::text, 'payload', "payload")::text AS whole,
                 json_build_object('channel', "channel", 'id', "id"::text)::text AS reference
          FROM stored
        )
        SELECT "id"::text AS id,
               pg_notify(${notifyChannel}, CASE WHEN octet_length(whole) <= ${maxNotifyPayloadBytes} THEN whole ELSE reference END)::text AS notified
        FROM message`
    : await db.$queryRaw<{ id: string }[]>`
        WITH channel_lock AS (SELECT pg_advisory_xact_lock(hashtext(${channel})), set_config('synchronous_commit', 'off', true) AS locked)
        INSERT INTO "LiveEvent" ("channel", "payload") SELECT ${channel}, ${json}::jsonb FROM channel_lock
        RETURNING "id"::text AS id`;
  const id = rows[0]?.id;
  if (!id) throw new Error("storing a live event returned no id");
  return { id, channel, payload: decodeLivePayload(JSON.parse(json)) };
}

/** Events of `channel` after `afterId`, oldest first, at most `limit`. */
export async function readLiveEventsAfter(db: Db, channel: LiveChannel, afterId: string, limit: number): Promise<LiveEventRecord[]> {
  const rows = await db.$queryRaw<{ id: string; payload: unknown }[]>`
    SELECT "id"::text AS id, "payload" FROM "LiveEvent"
    WHERE "channel" = ${channel} AND "id" > ${afterId}::bigint
    -- The table's id, not the text alias of the same name (which would sort "100" before "51").
    ORDER BY "LiveEvent"."id" LIMIT ${limit}`;
  return rows.map((row) => ({ id: row.id, channel, payload: decodeLivePayload(row.payload) }));
}

/** The newest event id of `channel`, or "0". */
export async function latestLiveEventId(db: Db, channel: LiveChannel): Promise<string> {
  const rows = await db.$queryRaw<{ id: string | null }[]>`SELECT max("id")::text AS id FROM "LiveEvent" WHERE "channel" = ${channel}`;
  return rows[0]?.id ?? "0";
}

/** Deletes events older than the retention (an indexed range delete; run now and then). */
export async function pruneLiveEvents(db: Db, now: Date = new Date()): Promise<number> {
  return db.$executeRaw`DELETE FROM "LiveEvent" WHERE "createdAt" < ${new Date(now.getTime() - liveEventRetentionMs)}`;
}
