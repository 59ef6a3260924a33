/**
 * The PostgreSQL bus: several app servers on one database all see every event.
 *
 * Publishing stores the event and sends pg_notify in one statement (event-store.ts), so the
 * NOTIFY goes out exactly when the row commits. Each process holds ONE dedicated connection that
 * LISTENs on one app-wide channel and fans events out to its local subscribers (LocalFanout):
 * the database sees one listener per server, not one per open browser tab.
 *
 * A NOTIFY carries the whole event when it fits (payloads are limited to 8000 bytes), else only
 * its channel and id, and the listener reads the row. When the connection drops, the bus
 * reconnects with backoff, LISTENs again, and replays from LiveEvent what each channel missed,
 * so local subscribers lose nothing (docs/live-updates.md).
 */
import pg from "pg";
import type { Db } from "@/server/db/client.ts";
import type { LiveBus, LiveChannelKind, LiveListener, LiveObserver } from "./bus.ts";
import { isLiveChannel, type LiveChannel } from "./channels.ts";
import { decodeLivePayload, notifyChannel, storeLiveEvent, type LiveEventRecord } from "./event-store.ts";
import { LocalFanout } from "./local-fanout.ts";

export interface PostgresBusOptions {
  /** The first retry's delay; doubled up to maxBackoffMs while connecting keeps failing. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/** How the listener connection shows in pg_stat_activity (tests and operators look for it). */
export const listenerApplicationName = "tuiquan-live-listener";

/** Replays at most this many events per reconnect; older gaps are the clients' own resume's job. */
const maxReplay = 10_000;

export class PostgresLiveBus implements LiveBus {
  private readonly fanout = new LocalFanout({ onLast: (channel) => this.lastDelivered.delete(channel) });
  /** Per channel, the id of the last event handed to local listeners (a channel's ids arrive in order). */
  private readonly lastDelivered = new Map<LiveChannel, bigint>();
  /** Every event committed after this id was or will be delivered on the current connection. */
  private listeningFrom: bigint | null = null;
  private client: pg.Client | null = null;
  /** Bumped per connection: work queued by a dead connection is dropped. */
  private generation = 0;
  /** Notifications are handled one after another so a channel's events stay in order. */
  private queue: Promise<void> = Promise.resolve();
  private connecting: Promise<void> | null = null;
  private listening: Deferred;
  private retryTimer: NodeJS.Timeout | null = null;
  private backoffMs: number;
  private closed = false;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(
    private readonly url: string,
    options: PostgresBusOptions = {},
  ) {
    this.minBackoffMs = options.minBackoffMs ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.backoffMs = this.minBackoffMs;
    this.listening = deferred();
  }

  /**
   * Observers here hear the event as soon as it is stored, before the writer's answer is sent (its
   * NOTIFY, which tells every other server, comes back a moment later and is announced again:
   * observers are idempotent). So a writer's own next read on this server never meets a cache
   * from before its write.
   */
  async publish(db: Db, channel: LiveChannel, payload: unknown): Promise<LiveEventRecord> {
    const event = await storeLiveEvent(db, channel, payload, { notify: true });
    this.fanout.announce(event);
    return event;
  }

  subscribe(channel: LiveChannel, listener: LiveListener): () => void {
    this.start();
    return this.fanout.add(channel, listener);
  }

  /** Observers hear an event as soon as its NOTIFY is read, before its payload is fetched and delivered. */
  observe(kind: LiveChannelKind, observer: LiveObserver): () => void {
    this.start();
    return this.fanout.observe(kind, observer);
  }

  /** Resolves once the listener connection is LISTENing (after a drop: once it is again). */
  ready(): Promise<void> {
    this.start();
    return this.listening.promise;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.fanout.clear();
    const client = this.client;
    this.client = null;
    this.generation += 1;
    await client?.end().catch(() => undefined);
  }

  private start(): void {
    if (this.closed || this.client || this.connecting || this.retryTimer) return;
    this.connecting = this.connect().finally(() => {
      this.connecting = null;
    });
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, application_name: listenerApplicationName });
    const lost = (error?: Error) => this.connectionLost(client, generation, error);
    client.on("error", lost);
    client.on("end", () => lost());
    // Notifications wait behind this gate until the missed events have been replayed.
    const gate = deferred();
    this.queue = this.queue.then(() => gate.promise);
    client.on("notification", (message) => {
      // Caught per step: one rejected step would otherwise stop the chain for good.
      this.queue = this.queue
        .then(() => this.handleNotification(message, client, generation))
        .catch((error: unknown) => console.error("[live] could not handle a notification:", error));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${notifyChannel}`);
      const previousFloor = this.listeningFrom;
      const { rows } = await client.query<{ id: string }>(`SELECT coalesce(max("id"), 0)::text AS id FROM "LiveEvent"`);
      if (generation !== this.generation) {
        // Closed (or superseded) while connecting.
        gate.resolve();
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      if (previousFloor !== null) await this.replayMissed(client, previousFloor);
      this.listeningFrom = BigInt(rows[0]!.id);
      this.backoffMs = this.minBackoffMs;
      gate.resolve();
      this.listening.resolve();
    } catch (error) {
      gate.resolve();
      this.connectionLost(client, generation, error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** After a reconnect: what each subscribed channel missed while no connection was listening. */
  private async replayMissed(client: pg.Client, floor: bigint): Promise<void> {
    const channels = this.fanout.channels();
    if (channels.length === 0) return;
    const from = channels.reduce((lowest, channel) => {
      const last = this.lastDelivered.get(channel) ?? floor;
      return last < lowest ? last : lowest;
    }, floor);
    const { rows } = await client.query<{ id: string; channel: string; payload: unknown }>(
      `SELECT "id"::text AS id, "channel", "payload" FROM "LiveEvent" WHERE "channel" = ANY($1) AND "id" > $2::bigint ORDER BY "LiveEvent"."id" LIMIT ${maxReplay}`,
      [channels, from.toString()],
    );
    for (const row of rows) {
      if (!isLiveChannel(row.channel)) continue;
      this.fanout.announce({ id: row.id, channel: row.channel });
      this.deliver({ id: row.id, channel: row.channel, payload: decodeLivePayload(row.payload) }, floor);
    }
  }

  private async handleNotification(message: pg.Notification, client: pg.Client, generation: number): Promise<void> {
    if (generation !== this.generation || message.channel !== notifyChannel || !message.payload) return;
    const announced = parseAnnouncement(message.payload);
    if (!announced) return;
    this.fanout.announce(announced);
    if (!this.fanout.has(announced.channel)) return;
    let payload = announced.payload;
    if (!announced.hasPayload) {
      try {
        const { rows } = await client.query<{ payload: unknown }>(`SELECT "payload" FROM "LiveEvent" WHERE "id" = $1::bigint`, [announced.id]);
        if (rows.length === 0) return; // pruned already: nothing to deliver
        payload = rows[0]!.payload;
      } catch (error) {
        // The connection is failing: drop this one; the reconnect replays from the last delivered id.
        this.connectionLost(client, generation, error instanceof Error ? error : new Error(String(error)));
        return;
      }
    }
    if (generation !== this.generation) return;
    this.deliver({ id: announced.id, channel: announced.channel, payload: decodeLivePayload(payload) }, null);
  }

  /** Hands an event to local listeners unless that channel already had it (a replay overlaps). */
  private deliver(event: LiveEventRecord, floor: bigint | null): void {
    const id = BigInt(event.id);
    const threshold = this.lastDelivered.get(event.channel) ?? floor;
    if (threshold !== null && id <= threshold) return;
    if (!this.fanout.has(event.channel)) return;
    this.lastDelivered.set(event.channel, id);
    this.fanout.deliver(event);
  }

  private connectionLost(client: pg.Client, generation: number, error?: Error): void {
    if (generation !== this.generation) return;
    this.generation += 1; // whatever the dead connection still had queued is dropped
    if (this.client === client) this.client = null;
    client.end().catch(() => undefined);
    if (this.closed) return;
    if (error) console.warn(`[live] listener connection lost (${error.message}); reconnecting in ${this.backoffMs} ms`);
    if (this.listening.settled) this.listening = deferred();
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.maxBackoffMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.start();
    }, delay);
    this.retryTimer.unref();
  }
}

interface Announcement {
  id: string;
  channel: LiveChannel;
  hasPayload: boolean;
  payload: unknown;
}

function parseAnnouncement(text: string): Announcement | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object") return null;
  const record = value as Record<string, unknown>;
  if (typeof record.id !== "string" || !/^\d{1,19}$/.test(record.id) || !isLiveChannel(record.channel)) return null;
  return { id: record.id, channel: record.channel, hasPayload: "payload" in record, payload: record.payload };
}

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  settled: boolean;
}

function deferred(): Deferred {
  let done!: () => void;
  const promise = new Promise<void>((resolve) => {
    done = resolve;
  });
  const result: Deferred = {
    promise,
    settled: false,
    resolve() {
      result.settled = true;
      done();
    },
  };
  return result;
}
