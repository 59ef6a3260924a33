/**
 * `npm start` (and `npm run dev`, which passes --dev): everything between a fresh clone and a
 * serving site, in order — check the configuration, take the data folder, migrate, seed, build when
 * the build is missing or stale, serve. Each step stops the start with a message that says what to
 * do; nothing is served from a half-prepared database.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ConfigError, getServerConfig, type ServerConfig } from "@/server/config/index.ts";
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from "@/server/db/data-dir-lock.ts";
import { openDatabase } from "@/server/db/client.ts";
import { closeDatabase, databaseTargetFromEnv } from "@/server/db/index.ts";
import { runMigrations } from "@/server/db/migrate.ts";
import { seedContent } from "@/server/essay/seed.ts";
import { seedPolls } from "@/server/polls/seed.ts";
import { flushPollResultsChanged } from "@/server/live/poll-results-changed.ts";
import { flushScoreEvents } from "@/server/live/score-events.ts";
import type { AppServer } from "@/server/http/app-server.ts";
import { distDirOf, hashBuildInputs, recordBuildInputs, staleBuildReason } from "./build-freshness.ts";

const projectDir = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");

function log(line: string): void {
  console.log(`[tuiquan] ${line}`);
}

function fail(message: string): never {
  console.error(`[tuiquan] cannot start: ${message}`);
  process.exit(1);
}

function loadConfig(): ServerConfig {
  // Before Next is loaded (it is imported lazily below): it reads both when its modules load.
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  process.env.NEXT_TELEMETRY_DISABLED ??= "1"; // no network but the npm registry
  try {
    const config = getServerConfig();
    // Next's server code reads these: the database folder (server/db/index.ts) and next-auth v4.
    process.env.DATA_DIR = config.dataDir;
    process.env.NEXTAUTH_URL = config.siteUrl.origin;
    process.env.NEXTAUTH_SECRET = config.authSecret;
    return config;
  } catch (error) {
    if (error instanceof ConfigError) fail(`${error.message}\nSee the configuration table in README.md (docs/configuration.md).`);
    throw error;
  }
}

/** Migrates and seeds; true when the seeded content changed (cached pages then show old text). */
async function prepareDatabase(): Promise<boolean> {
  const opened = await openDatabase(databaseTargetFromEnv());
  try {
    const migrations = await runMigrations(opened, { log });
    log(`database: ${migrations.applied.length} migration(s) applied, ${migrations.alreadyApplied.length} already applied`);
    const seeded = await seedContent(opened.db);
    for (const essay of seeded.essays) log(`essay ${essay.slug}: ${essay.action}`);
    const polls = await seedPolls(opened.db);
    for (const poll of polls) log(`poll ${poll.key}: ${poll.action}`);
    // The essay page carries the essay and its polls' wording.
    return [...seeded.essays, ...polls].some((item) => item.action !== "unchanged");
  } finally {
    // The app opens its own handle (server/db/index.ts); PGlite allows one per folder.
    await opened.close();
  }
}

async function buildIfStale(): Promise<void> {
  const inputs = hashBuildInputs(projectDir);
  const reason = staleBuildReason(projectDir, inputs);
  if (!reason) return log(`build is up to date (${path.relative(projectDir, distDirOf(projectDir))})`);
  log(`building: ${reason} …`);
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const code = await new Promise<number | null>((resolve, reject) => {
    const build = spawn(process.execPath, [nextBin, "build"], { cwd: projectDir, stdio: "inherit", env: process.env });
    build.once("error", reject);
    build.once("exit", resolve);
  });
  if (code !== 0) fail(`next build failed (exit code ${code}); see its output above`);
  recordBuildInputs(projectDir, inputs);
}

/**
 * Pages rendered at run time are kept in the build folder (server/route-cache) across restarts.
 * After a re-seed they hold the old text until revalidated, and the first reader would get it:
 * drop them, so every page renders afresh from the database.
 */
function forgetCachedPages(): void {
  rmSync(path.join(distDirOf(projectDir), "server", "route-cache"), { recursive: true, force: true });
  log("content changed: cached pages dropped");
}

async function main(): Promise<void> {
  const config = loadConfig();

  let lock: DataDirLock | null = null;
  if (!config.databaseUrl) {
    try {
      lock = acquireDataDirLock(config.dataDir);
    } catch (error) {
      if (error instanceof DataDirLockedError) fail(error.message);
      throw error;
    }
  }

  const contentChanged = await prepareDatabase();
  if (!dev) await buildIfStale();
  if (contentChanged) forgetCachedPages();

  const { startAppServer } = await import("@/server/http/app-server.ts");
  let server: AppServer;
  try {
    server = await startAppServer({ dev, dir: projectDir, config });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") fail(`port ${config.port} is in use; set PORT to another port`);
    throw error;
  }

  const database = config.databaseUrl ? "PostgreSQL" : `PGlite in ${config.dataDir}`;
  // A local site listens on loopback only (server/http/listen.ts): say so, it explains "connection refused" from elsewhere.
  const reach = config.isLocalSite ? "; loopback only" : "";
  log(`ready on ${server.url} (${dev ? "development" : "production"}, ${database}, site URL ${config.siteUrl.origin}${reach})`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: stopping …`);
    try {
      await server.close();
      // Score events and poll pings still waiting for their interval go out before the database
      // closes, so readers' last scores are the final ones (both live on globalThis, shared with
      // Next's bundle).
      await Promise.all([flushScoreEvents(), flushPollResultsChanged()]);
      // PGlite writes its last pages when closed.
      await closeDatabase();
    } catch (error) {
      console.error("[tuiquan] error while stopping:", error);
    } finally {
      lock?.release();
    }
    process.exit(0);
  };
  process.on("SIGTERM", (signal) => void stop(signal));
  process.on("SIGINT", (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  console.error("[tuiquan] cannot start:", error);
  process.exit(1);
});
