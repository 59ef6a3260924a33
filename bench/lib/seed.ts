/**
 * Per-group data, written before the server starts: migrations and the essay seed first (the
 * project's own scripts, as `npm run db:migrate` / `db:seed` run them), then each group's seed
 * through the app's own database factory. Skipped entirely when no group needs data of its own:
 * the start script migrates and seeds by itself.
 */
import path from "node:path";
import type { Cleanups } from "./cleanup.ts";
import { spawnOwned } from "./child.ts";
import type { Db } from "@/server/db/client.ts";
import type { BenchSeed } from "./suite.ts";

const scriptTimeoutMs = 10 * 60_000;

async function runScript(cleanups: Cleanups, projectDir: string, script: string, env: NodeJS.ProcessEnv, logFile: string) {
  const tsxCli = path.join(projectDir, "node_modules/tsx/dist/cli.mjs");
  const child = spawnOwned(cleanups, script, process.execPath, [tsxCli, script], { cwd: projectDir, env, logFile });
  const timer = setTimeout(() => void child.stop(), scriptTimeoutMs);
  const code = await child.exited;
  clearTimeout(timer);
  await child.stop(1000);
  if (code !== 0) throw new Error(`${script} failed (exit ${code}); log: ${logFile}\n${child.tail()}`);
}

/** Runs the seeds; returns what each wrote and how long it took, for the notes. */
export async function seedGroups(
  cleanups: Cleanups,
  options: { projectDir: string; env: NodeJS.ProcessEnv; seeds: BenchSeed[]; logFile: string },
): Promise<string[]> {
  const seeding = options.seeds;
  if (seeding.length === 0) return [];
  await runScript(cleanups, options.projectDir, "scripts/migrate.ts", options.env, options.logFile);
  await runScript(cleanups, options.projectDir, "scripts/seed.ts", options.env, options.logFile);
  // The bench's accounts write comments from their first on: pre-moderation of a new account's
  // first comments (docs/moderation.md) would hold every one of them, and the loads measure the
  // comment path, not a moderator's queue. Off, as in test databases; the rest of the pipeline runs.
  await withBenchDatabase(cleanups, options.env, (db) => db.$executeRawUnsafe(`UPDATE "SiteSetting" SET "premoderateFirstN" = 0`));
  const written: string[] = [];
  // Each seed in a connection of its own: on PGlite (one backend for the whole connection) the
  // polls seed, run in the session that had just written a million votes, spun for minutes on
  // its second statement, and took seconds in a fresh one.
  for (const seed of seeding) {
    const started = Date.now();
    const what = await withBenchDatabase(cleanups, options.env, (db) => seed.run(db));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`bench:   seeded ${seed.label} in ${seconds} s`);
    written.push(`${what} Written in ${seconds} s.`);
  }
  // Bulk-written tables have no planner statistics until autovacuum gets to them, which a real
  // site's gradual writes would have given them long ago; without them PostgreSQL plans the
  // first pages as full scans.
  await withBenchDatabase(cleanups, options.env, (db) => db.$executeRawUnsafe("ANALYZE"));
  return written;
}

/**
 * The run's database, opened by the bench itself through the app's own factory: for the seeds
 * before the server starts and for the checks after it has stopped, never while it runs (an
 * embedded PGlite data folder can be open in one process at a time).
 */
export async function withBenchDatabase<T>(cleanups: Cleanups, env: NodeJS.ProcessEnv, action: (db: Db) => Promise<T>): Promise<T> {
  // Imported here, not at the top: most runs never open the database from the bench itself.
  const { openDatabase } = await import("@/server/db/client.ts");
  const { databaseTargetFromEnv } = await import("@/server/db/index.ts");
  const opened = await openDatabase(databaseTargetFromEnv(env));
  const forget = cleanups.add({ name: "close the bench's database connection", run: () => opened.close() });
  try {
    return await action(opened.db);
  } finally {
    await opened.close();
    forget();
  }
}
