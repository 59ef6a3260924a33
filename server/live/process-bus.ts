/**
 * The bus of this server process, chosen by the database it runs on: PostgreSQL (DATABASE_URL)
 * gets LISTEN/NOTIFY so that every app server on that database sees every event; the embedded
 * PGlite, which one process owns, gets the in-process bus.
 *
 * Kept on globalThis for the same reason as the database handle (server/db/index.ts): Next.js
 * bundles server code into several chunks, and two buses would split the subscribers.
 */
import { databaseTargetFromEnv } from "@/server/db/index.ts";
import type { LiveBus } from "./bus.ts";
import { MemoryLiveBus } from "./memory-bus.ts";
import { PostgresLiveBus } from "./postgres-bus.ts";

const globalForLive = globalThis as typeof globalThis & { __tuiquanLiveBus?: LiveBus };

export function createLiveBus(env: NodeJS.ProcessEnv = process.env): LiveBus {
  const target = databaseTargetFromEnv(env);
  return target.kind === "postgres" ? new PostgresLiveBus(target.url) : new MemoryLiveBus();
}

export function getLiveBus(): LiveBus {
  globalForLive.__tuiquanLiveBus ??= createLiveBus();
  return globalForLive.__tuiquanLiveBus;
}

/** For tests: use this bus in this process (null: back to the default on next use). */
export function setLiveBusForProcess(bus: LiveBus | null): void {
  globalForLive.__tuiquanLiveBus = bus ?? undefined;
}
