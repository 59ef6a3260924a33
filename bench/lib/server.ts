/**
 * The app under test, started the way users start it: scripts/start.ts (`npm start`), which
 * validates configuration, migrates, seeds and serves the production build with the custom
 * server. Each run gets a fresh data folder, so nothing a reader or developer has is touched.
 */
import path from "node:path";
import type { Cleanups } from "./cleanup.ts";
import { spawnOwned, type OwnedProcess } from "./child.ts";
import { waitUntilAnswering } from "./http.ts";
import { withoutAppVariables } from "../../server/config/env.ts";

// Start migrates and seeds, and rebuilds if it finds the build stale: give it time, but not forever.
const startTimeoutMs = 10 * 60_000;

export interface AppServer {
  baseUrl: string;
  process: OwnedProcess;
  stop(): Promise<void>;
}

export function serverEnv(
  base: NodeJS.ProcessEnv,
  settings: { port: number; dataDir: string; distDir: string; databaseUrl: string | null; rateLimitsOff?: boolean },
): NodeJS.ProcessEnv {
  // None of the caller's app variables may leak into a measured server. A plain record: Next's
  // types make NODE_ENV read-only on NodeJS.ProcessEnv.
  const env: Record<string, string | undefined> = { ...withoutAppVariables(base) };
  env.NODE_ENV = "production";
  env.NEXT_TELEMETRY_DISABLED = "1";
  env.PORT = String(settings.port);
  env.DATA_DIR = settings.dataDir;
  env.NEXT_DIST_DIR = settings.distDir;
  if (settings.databaseUrl) env.DATABASE_URL = settings.databaseUrl;
  // The write loads send hundreds of requests a second per account, far over the per-account
  // limits by design: the documented switch for a local site lifts them (README, RATE_LIMITS).
  if (settings.rateLimitsOff) env.RATE_LIMITS = "off";
  // Node options for the measured server only, e.g. `--require <profiler hook>` (the bench's own
  // process and the build do not get them).
  if (base.PROFILE_NODE_OPTIONS) env.NODE_OPTIONS = base.PROFILE_NODE_OPTIONS;
  return env as NodeJS.ProcessEnv;
}

export async function startAppServer(
  cleanups: Cleanups,
  options: {
    projectDir: string;
    distDir: string;
    port: number;
    dataDir: string;
    databaseUrl: string | null;
    rateLimitsOff?: boolean;
    /** `scripts/start.ts --dev`: the development server (bench/lib/options.ts, devServer). */
    dev?: boolean;
    logFile: string;
    label: string;
  },
): Promise<AppServer> {
  const tsxCli = path.join(options.projectDir, "node_modules/tsx/dist/cli.mjs");
  const args = [tsxCli, "scripts/start.ts", ...(options.dev ? ["--dev"] : [])];
  const env: Record<string, string | undefined> = { ...serverEnv(process.env, options) };
  if (options.dev) env.NODE_ENV = "development";
  const server = spawnOwned(cleanups, `app server (${options.label})`, process.execPath, args, {
    cwd: options.projectDir,
    env: env as NodeJS.ProcessEnv,
    logFile: options.logFile,
  });
  const baseUrl = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntilAnswering(`${baseUrl}/`, {
      timeoutMs: startTimeoutMs,
      isAlive: () => !server.hasExited(),
      describe: () => `Server log (${options.logFile}), last lines:\n${server.tail()}`,
    });
  } catch (error) {
    await server.stop(5000);
    throw error;
  }
  return { baseUrl, process: server, stop: () => server.stop() };
}
