/**
 * The production build the bench measures: `next build` into the bench's own folder
 * (NEXT_DIST_DIR), then the record of its sources that `npm start` checks (scripts/
 * build-freshness.ts), exactly as the start script does when it builds, so that the start
 * script serves this build instead of building again.
 */
import path from "node:path";
import { hashBuildInputs, recordBuildInputs } from "../../scripts/build-freshness.ts";
import type { Cleanups } from "./cleanup.ts";
import { spawnOwned } from "./child.ts";

const buildTimeoutMs = 15 * 60_000;

export async function buildApp(
  cleanups: Cleanups,
  options: { projectDir: string; distDir: string; env: NodeJS.ProcessEnv; logFile: string },
): Promise<{ seconds: number }> {
  const started = Date.now();
  const nextBin = path.join(options.projectDir, "node_modules/next/dist/bin/next");
  const build = spawnOwned(cleanups, "next build", process.execPath, [nextBin, "build"], {
    cwd: options.projectDir,
    env: { ...options.env, NODE_ENV: "production", NEXT_DIST_DIR: options.distDir, NEXT_TELEMETRY_DISABLED: "1" },
    logFile: options.logFile,
  });
  const timer = setTimeout(() => void build.stop(), buildTimeoutMs);
  const code = await build.exited;
  clearTimeout(timer);
  await build.stop(1000);
  if (code !== 0) {
    throw new Error(`next build failed (exit ${code}); full log: ${options.logFile}\n${build.tail()}`);
  }
  // Hashed after the build, unlike start: `next build` adds "<distDir>/types" to tsconfig.json's
  // include list the first time it builds into a new folder, and tsconfig.json is a build input.
  const inputs = hashBuildInputs(options.projectDir);
  withDistDir(options.distDir, () => recordBuildInputs(options.projectDir, inputs));
  return { seconds: (Date.now() - started) / 1000 };
}

/** build-freshness.ts finds the build folder through NEXT_DIST_DIR, like Next itself. */
function withDistDir<T>(distDir: string, action: () => T): T {
  const previous = process.env.NEXT_DIST_DIR;
  process.env.NEXT_DIST_DIR = distDir;
  try {
    return action();
  } finally {
    if (previous === undefined) delete process.env.NEXT_DIST_DIR;
    else process.env.NEXT_DIST_DIR = previous;
  }
}
