/**
 * Per-target data, written before the server starts: migrations and the essay seed first (the
 * project's own scripts, as `npm run db:migrate` / `db:seed` run them), then each target's seed
 * through the app's own database factory. Skipped entirely when no target needs data of its own:
 * the start script migrates and seeds by itself.
 */
import path from "node:path";
import type { Cleanups } from "./cleanup.ts";
import { spawnOwned } from "./child.ts";
import type { BenchTarget, EssayFacts } from "../targets.ts";

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

export async function seedTargets(
  cleanups: Cleanups,
  options: { projectDir: string; env: NodeJS.ProcessEnv; targets: BenchTarget[]; essay: EssayFacts; logFile: string },
): Promise<void> {
  const seeding = options.targets.filter((target) => target.seed);
  if (seeding.length === 0) return;
  await runScript(cleanups, options.projectDir, "scripts/migrate.ts", options.env, options.logFile);
  await runScript(cleanups, options.projectDir, "scripts/seed.ts", options.env, options.logFile);
  // Imported here, not at the top: most runs never open the database from the bench itself.
  const { openDatabase } = await import("@/server/db/client.ts");
  const { databaseTargetFromEnv } = await import("@/server/db/index.ts");
  const opened = await openDatabase(databaseTargetFromEnv(options.env));
  const forget = cleanups.add({ name: "close the seeding database", run: () => opened.close() });
  try {
    for (const target of seeding) {
      const started = Date.now();
      await target.seed!(opened.db, options.essay);
      console.log(`  seeded ${target.label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await opened.close();
    forget();
  }
}
