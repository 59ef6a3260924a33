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
import { Prisma } from "@/server/db/generated/client.ts";
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

const payloadFromDatabaseBrand = Symbol.for("tuiquan.live.payloadFromDatabase");

/**
 * A payload the database computes inside the storing statement, once the channel's lock is held:
 * what it reads is then in the channel's order. `select(lock)` must join `lock` (the CTE that took
 * the channel's lock) and return at most one row with a jsonb column `json` (the plain payload);
 * it reads with a locking clause (FOR KEY SHARE), because a locking read returns the latest
 * committed version of a row, even one committed after the statement began (READ COMMITTED), where
 * a plain read would return the statement's snapshot. No row: no event is stored, and
 * storeLiveEvent throws NothingToPublish.
 */
export class PayloadFromDatabase {
  /**
   * Recognized by this brand, not by instanceof: the custom server (tsx) and Next's bundle each
   * load their own copy of this module, and the process's one bus may store what the other built.
   */
  readonly [payloadFromDatabaseBrand] = true;
  constructor(readonly select: (lock: Prisma.Sql) => Prisma.Sql) {}
}

function isPayloadFromDatabase(payload: unknown): payload is PayloadFromDatabase {
  return typeof payload === "object" && payload !== null && (payload as Record<symbol, unknown>)[payloadFromDatabaseBrand] === true;
}

/**
 * A PayloadFromDatabase found nothing to say (its row is gone): nothing was stored or sent. Tell
 * it by isNothingToPublish (the name), for the same reason as the brand above.
 */
export class NothingToPublish extends Error {
  constructor(channel: LiveChannel) {
    super(`no payload to publish on ${channel}`);
    this.name = "NothingToPublish";
  }
}

export function isNothingToPublish(error: unknown): boolean {
  return error instanceof Error && error.name === "NothingToPublish";
}

/** Stores an event (and, with `notify`, sends it with pg_notify in the same statement). */
export async function storeLiveEvent(db: Db, channel: LiveChannel, payload: unknown, { notify }: { notify: boolean }): Promise<LiveEventRecord> {
  const fromDatabase = isPayloadFromDatabase(payload);
  const json = fromDatabase ? null : encodeLivePayload(payload);
  const lock = Prisma.sql`channel_lock AS (SELECT pg_advisory_xact_lock(hashtext(${channel})), set_config('synchronous_commit', 'off', true) AS locked)`;
  // Stored as superjson, like encodeLivePayload's: plain JSON needs no meta.
  const source = fromDatabase
    ? Prisma.sql`source AS (SELECT jsonb_build_object('json', computed.json) AS payload FROM (${payload.select(Prisma.sql`channel_lock`)}) computed)`
    : Prisma.sql`source AS (SELECT ${json}::jsonb AS payload FROM channel_lock)`;
  const rows = notify
    ? await db.$queryRaw<{ id: string; payload?: unknown }[]>`
        WITH ${lock}, ${source},
        stored AS (
          INSERT INTO "LiveEvent" ("channel", "payload") SELECT ${channel}, source.payload FROM source RETURNING "id", "channel", "payload"
        ),
        message AS (
          SELECT "id", "payload",
                 json_build_object('channel', "channel", 'id', "id"::text, 'payload', "payload")::text AS whole,
                 json_build_object('channel', "channel", 'id', "id"::text)::text AS reference
          FROM stored
        )
        SELECT "id"::text AS id, ${fromDatabase ? Prisma.sql`"payload",` : Prisma.empty}
               pg_notify(${notifyChannel}, CASE WHEN octet_length(whole) <= ${maxNotifyPayloadBytes} THEN whole ELSE reference END)::text AS notified
        FROM message`
    : await db.$queryRaw<{ id: string; payload?: unknown }[]>`
        WITH ${lock}, ${source}
        INSERT INTO "LiveEvent" ("channel", "payload") SELECT ${channel}, source.payload FROM source
        RETURNING "id"::text AS id ${fromDatabase ? Prisma.sql`, "payload"` : Prisma.empty}`;
  const row = rows[0];
  if (!row) {
    if (fromDatabase) throw new NothingToPublish(channel);
    throw new Error("storing a live event returned no id");
  }
  return { id: row.id, channel, payload: decodeLivePayload(fromDatabase ? row.payload : JSON.parse(json!)) };
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
