/**
 * The process-wide database handle for the running app.
 *
 * Kept on globalThis because Next.js bundles server code into several chunks (and the start
 * script runs outside them): a module-level variable would open PGlite more than once.
 */
import path from "node:path";
import { openDatabase, isPostgresUrl, type DatabaseTarget, type OpenedDatabase, type Db } from "./client.ts";

export type { Db };

const globalForDb = globalThis as typeof globalThis & { __tuiquanDb?: Promise<OpenedDatabase> };

export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (isPostgresUrl(env.DATABASE_URL)) return { kind: "postgres", url: env.DATABASE_URL };
  // turbopackIgnore: a run-time folder, not a file of the app (otherwise the build traces the whole project).
  return { kind: "pglite", dataDir: path.join(path.resolve(/* turbopackIgnore: true */ env.DATA_DIR || "./.data"), "pglite") };
}

export function getOpenedDatabase(): Promise<OpenedDatabase> {
  globalForDb.__tuiquanDb ??= openDatabase(databaseTargetFromEnv());
  return globalForDb.__tuiquanDb;
}

export async function getDb(): Promise<Db> {
  return (await getOpenedDatabase()).db;
}

/** For tests and scripts that supply their own database (a fresh PGlite per test file). */
export function setDatabaseForProcess(opened: OpenedDatabase): void {
  globalForDb.__tuiquanDb = Promise.resolve(opened);
}

export async function closeDatabase(): Promise<void> {
  const opened = globalForDb.__tuiquanDb;
  globalForDb.__tuiquanDb = undefined;
  if (opened) await (await opened).close();
}
