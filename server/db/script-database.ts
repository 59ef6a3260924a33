/**
 * Opening the app's database from a command-line script (db:migrate, role): the database the
 * environment names (DATABASE_URL, else the embedded one in DATA_DIR), with the data-folder lock
 * held while it is open, since only one process may open an embedded database at a time.
 */
import path from "node:path";
import { acquireDataDirLock } from "./data-dir-lock.ts";
import { closeDatabase, databaseTargetFromEnv, getOpenedDatabase } from "./index.ts";
import type { OpenedDatabase } from "./client.ts";

export async function withScriptDatabase<T>(fn: (opened: OpenedDatabase) => Promise<T>): Promise<T> {
  const target = databaseTargetFromEnv();
  // Throws DataDirLockedError at once while the server (or another script) has the folder open.
  const lock = target.kind === "pglite" ? acquireDataDirLock(path.resolve(process.env.DATA_DIR || "./.data")) : null;
  try {
    return await fn(await getOpenedDatabase());
  } finally {
    await closeDatabase();
    lock?.release();
  }
}
