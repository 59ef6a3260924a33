/**
 * `npm run bench`: build, start the production server on PGlite and then on PostgreSQL (when one
 * is reachable), seed each chosen group's data (essay, comments, polls), load each target, check
 * what the write loads left in the database once the server has stopped, compare the essay page
 * with a bare node:http server serving the same bytes, measure the page's first-load JavaScript,
 * and print one Markdown table (also written to bench/results/latest.md). Figures are measured,
 * never asserted: see docs/performance.md.
 *
 * Every server, database and folder it creates is undone at the end, on failure and on Ctrl-C.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readBenchOptions, type BenchOptions, type DatabaseKind } from "./lib/options.ts";
import { Cleanups } from "./lib/cleanup.ts";
import { buildApp } from "./lib/build.ts";
import { serverEnv, startAppServer, type AppServer } from "./lib/server.ts";
import { getRaw, type RawResponse } from "./lib/http.ts";
import type { LoadResult, LoadSettings } from "./lib/load.ts";
import { measure } from "./lib/measure.ts";
import { startCeilingServer } from "./lib/ceiling.ts";
import { measureFirstLoadJs, type FirstLoadJs } from "./lib/first-load-js.ts";
import { createBenchDatabase, postgresUnreachableReason } from "./lib/postgres.ts";
import { seedGroups, withBenchDatabase } from "./lib/seed.ts";
import { isScenario, runAfterLoadChecks, type AfterLoadCheck, type BenchScenario, type BenchSuite } from "./lib/suite.ts";
import { describeMachine, freePort } from "./lib/environment.ts";
import { formatDuration, formatMs, renderReport, renderScriptList, type Row } from "./lib/report.ts";
import { decodedBody } from "./lib/encoding.ts";
import { createSuites, readEssayFacts, type BenchTarget, type EssayFacts } from "./targets.ts";

const projectDir = path.resolve(import.meta.dirname, "..");
const resultsDir = path.join(projectDir, "bench/results");
const databaseNames: Record<DatabaseKind, string> = { pglite: "PGlite", postgres: "PostgreSQL" };

interface Run {
  options: BenchOptions;
  cleanups: Cleanups;
  essay: EssayFacts;
  scratchDir: string;
  logDir: string;
  requestHeaders: Record<string, string>;
  rows: Row[];
  pageRows: Row[];
  notes: string[];
  firstLoadJs: FirstLoadJs | null;
  firstLoadJsFailure?: string;
  /** The app's answer for the page compared with the ceiling, captured on the first database. */
  ceilingRow: Row | null;
}

function step(message: string): void {
  console.log(`bench: ${message}`);
}

function loadSettings(run: Run, url: string): LoadSettings {
  const { connections, warmupSeconds, seconds } = run.options;
  return { url, headers: run.requestHeaders, connections, warmupSeconds, seconds };
}

function summary(load: LoadResult): string {
  const rate = Number.isFinite(load.requestsPerSecond) ? `${Math.round(load.requestsPerSecond)} req/s` : "no rate";
  return `${rate}, p50 ${formatMs(load.p50Ms)} ms, p99 ${formatMs(load.p99Ms)} ms, ${load.errors} errors, ${load.non2xx} non-2xx`;
}

async function measureCeiling(run: Run, page: RawResponse, port: number): Promise<void> {
  step("ceiling: bare node:http server with the same bytes and headers");
  const ceiling = await startCeilingServer(run.cleanups, {
    projectDir,
    port,
    body: page.body,
    headers: page.headers,
    scratchDir: run.scratchDir,
  });
  try {
    const check = await getRaw(`${ceiling.baseUrl}/`, run.requestHeaders);
    if (!check.body.equals(page.body)) throw new Error("the ceiling server does not answer with the captured bytes");
    const { load, peak, cpu } = await measure(loadSettings(run, `${ceiling.baseUrl}/`), "ceiling", ceiling.process.pid);
    step(`  ${summary(load)}`);
    run.ceilingRow = { target: "bare `node:http`, same bytes (ceiling)", database: "—", load, peakRssBytes: peak, cpu };
  } finally {
    await ceiling.stop();
  }
}

/** Runs a scenario into its row; its check waits in `checks` until the server has stopped. */
async function measureScenario(run: Run, server: AppServer, database: string, scenario: BenchScenario, checks: Array<{ row: Row; check: AfterLoadCheck }>) {
  const row: Row = { target: scenario.label, database, load: null, peakRssBytes: null, goal: scenario.goal };
  run.rows.push(row);
  step(`  ${scenario.label} on ${database}`);
  try {
    const result = await scenario.run({ baseUrl: server.baseUrl, serverPid: server.process.pid, options: run.options, step });
    row.load = result.measured.load;
    row.peakRssBytes = result.measured.peak;
    row.cpu = result.measured.cpu;
    step(`    ${summary(result.measured.load)}`);
    for (const note of result.notes ?? []) run.notes.push(`${note.replace(/\.$/, "")} (${database}).`);
    if (result.check) checks.push({ row, check: result.check });
  } catch (error) {
    row.failure = (error as Error).message.split("\n")[0];
    step(`    ${row.failure}`);
  }
}

async function measureTargets(run: Run, server: AppServer, database: string, ceilingPort: number, suites: BenchSuite[], checks: Array<{ row: Row; check: AfterLoadCheck }>): Promise<void> {
  const chosen = (label: string) => run.options.targets.length === 0 || run.options.targets.some((part) => label.toLowerCase().includes(part));
  for (const target of suites.flatMap((suite) => suite.items).filter((item) => chosen(item.label))) {
    if (isScenario(target)) {
      await measureScenario(run, server, database, target, checks);
      continue;
    }
    await measureGetTarget(run, server, database, ceilingPort, target);
  }
}

async function measureGetTarget(run: Run, server: AppServer, database: string, ceilingPort: number, target: BenchTarget): Promise<void> {
  const url = `${server.baseUrl}${target.path(run.essay)}`;
  const row: Row = { target: target.label, database, load: null, peakRssBytes: null, goal: target.goal };
  run.rows.push(row);
  if (target.compareWithCeiling) run.pageRows.push(row);

  const headers = { ...run.requestHeaders, ...target.headers?.() };
  let before: RawResponse;
  try {
    before = await getRaw(url, headers);
  } catch (error) {
    row.failure = `no answer: ${(error as Error).message}`;
    step(`  ${target.label}: ${row.failure}`);
    return;
  }
  const problems = target.check(before, run.essay);
  if (problems.length > 0) {
    row.failure = `wrong answer before load: ${problems.join("; ")}`;
    step(`  ${target.label}: ${row.failure}`);
    return;
  }
  for (const remark of target.remarks?.(before) ?? []) run.notes.push(`${target.label} on ${database}: ${remark}`);
  if (target.compareWithCeiling && !run.ceilingRow) {
    const header = (name: string) => String(before.headers[name] ?? "none");
    run.notes.push(
      `${target.label} answer: ${before.body.length.toLocaleString("en-US")} bytes (content-encoding ${header("content-encoding")}), ` +
        `cache-control \`${header("cache-control")}\`, x-nextjs-cache \`${header("x-nextjs-cache")}\`.`,
    );
  }
  if (target.measureFirstLoadJs && !run.firstLoadJs && !run.firstLoadJsFailure) {
    try {
      run.firstLoadJs = await measureFirstLoadJs(url, decodedBody(before).toString("utf8"));
    } catch (error) {
      run.firstLoadJsFailure = (error as Error).message;
    }
  }

  step(`  ${target.label} on ${database}: ${run.options.warmupSeconds} s warm-up, ${run.options.seconds} s measured`);
  const { load, peak, cpu } = await measure({ ...loadSettings(run, url), headers }, target.label, server.process.pid);
  row.load = load;
  row.peakRssBytes = peak;
  row.cpu = cpu;
  step(`    ${summary(load)}`);

  const after = await getRaw(url, headers).catch((error: Error) => error);
  const afterProblems = after instanceof Error ? [`no answer: ${after.message}`] : target.check(after, run.essay);
  if (afterProblems.length > 0) run.notes.push(`${target.label} on ${database} answered wrongly after the load: ${afterProblems.join("; ")}`);
  const statuses = Object.entries(load.statusCounts).map(([status, count]) => `${status}×${count}`).join(", ");
  if (load.non2xx > 0) run.notes.push(`${target.label} on ${database}: status codes during load: ${statuses}`);

  // The ceiling is measured once, right after the first page run, so both see the same machine.
  if (target.compareWithCeiling && !run.ceilingRow) await measureCeiling(run, before, ceilingPort);
}

async function runOnDatabase(run: Run, kind: DatabaseKind, port: number, ceilingPort: number): Promise<void> {
  const database = databaseNames[kind];
  let databaseUrl: string | null = null;
  let dropDatabase: (() => Promise<void>) | null = null;
  if (kind === "postgres") {
    const reason = await postgresUnreachableReason(run.options.postgresUrl);
    if (reason) {
      run.notes.push(
        run.options.postgresUrlGiven
          ? `PostgreSQL skipped: the server of BENCH_DATABASE_URL is not reachable (${reason}).`
          : `PostgreSQL skipped: no server at postgres://postgres:…@127.0.0.1:5432 (${reason}); set BENCH_DATABASE_URL to use another.`,
      );
      step(`PostgreSQL skipped: ${reason}`);
      return;
    }
    const created = await createBenchDatabase(run.cleanups, run.options.postgresUrl);
    databaseUrl = created.url;
    dropDatabase = created.drop;
    step(`created database ${created.name}`);
  }

  const dataDir = fs.mkdtempSync(path.join(run.scratchDir, `data-${kind}-`));
  const logFile = path.join(run.logDir, `server-${kind}.log`);
  const suites = createSuites(run.options, run.essay);
  const rateLimitsOff = suites.some((suite) => suite.items.some(isScenario));
  const checks: Array<{ row: Row; check: AfterLoadCheck }> = [];
  try {
    const env = serverEnv(process.env, { port, dataDir, distDir: run.options.distDir, databaseUrl, rateLimitsOff });
    const seeds = suites.flatMap((suite) => (suite.seed ? [suite.seed] : []));
    if (seeds.length > 0) step(`seeding ${seeds.map((seed) => seed.label).join(", ")} on ${database}`);
    for (const written of await seedGroups(run.cleanups, { projectDir, env, seeds, logFile })) run.notes.push(`${written.replace(/\.$/, "")} (${database}).`);
    step(`starting the app on ${database} (scripts/start.ts, port ${port}, log ${path.relative(projectDir, logFile)})`);
    const startedAt = Date.now();
    const server = await startAppServer(run.cleanups, {
      projectDir,
      distDir: run.options.distDir,
      port,
      dataDir,
      databaseUrl,
      rateLimitsOff,
      dev: run.options.devServer,
      logFile,
      label: database,
    });
    step(`  answering after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    if (/\[tuiquan\] building:/.test(fs.readFileSync(logFile, "utf8"))) {
      run.notes.push(`scripts/start.ts rebuilt before serving on ${database} (sources changed since the bench's build): the figures are of that build.`);
    }
    try {
      await measureTargets(run, server, database, ceilingPort, suites, checks);
    } finally {
      await server.stop();
    }
    if (checks.length > 0) {
      step(`checking what the loads wrote on ${database}`);
      await withBenchDatabase(run.cleanups, env, (db) => runAfterLoadChecks(db, checks, step));
    }
  } finally {
    if (dropDatabase) await dropDatabase();
  }
}

async function main(): Promise<number> {
  const startedAt = new Date();
  const options = readBenchOptions();
  const cleanups = new Cleanups();
  cleanups.installProcessHandlers();
  const essay = readEssayFacts(projectDir);

  const scratchRoot = options.scratchDir ?? os.tmpdir();
  fs.mkdirSync(scratchRoot, { recursive: true });
  const scratchDir = fs.mkdtempSync(path.join(scratchRoot, "tuiquan-bench-"));
  cleanups.add({ name: "remove temporary data", run: async () => fs.rmSync(scratchDir, { recursive: true, force: true }) });
  // The logs of this run only (each server's log is appended to by its seed steps, then by it).
  const logDir = path.join(resultsDir, "logs");
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });

  const run: Run = {
    options,
    cleanups,
    essay,
    scratchDir,
    logDir,
    requestHeaders: options.acceptEncoding ? { "accept-encoding": options.acceptEncoding } : {},
    rows: [],
    pageRows: [],
    notes: [],
    firstLoadJs: null,
    ceilingRow: null,
  };
  const machine = describeMachine(projectDir);
  let exitCode = 0;
  let build = "not built";

  try {
    // One port per database (a stopped server's port may linger in TIME_WAIT), then the ceiling's.
    const ports = options.basePort
      ? [options.basePort, options.basePort + 1, options.basePort + 2]
      : [await freePort(), await freePort(), await freePort()];
    if (options.devServer) {
      step("BENCH_DEV_SERVER=1: serving with the development server, no build (figures mean nothing)");
      build = "none: development server";
      run.notes.push("**BENCH_DEV_SERVER=1: the app ran as the development server. These figures say nothing about its speed;** the run only tries the bench itself.");
    } else if (options.skipBuild) {
      if (!fs.existsSync(path.join(projectDir, options.distDir, "BUILD_ID"))) {
        throw new Error(`BENCH_SKIP_BUILD=1 but there is no build in ${options.distDir}`);
      }
      step(`reusing the build in ${options.distDir}`);
      build = "reused";
    } else {
      step(`building (next build into ${options.distDir}, log bench/results/logs/build.log)`);
      const buildEnv = serverEnv(process.env, { port: ports[0]!, dataDir: path.join(scratchDir, "build-data"), distDir: options.distDir, databaseUrl: null });
      const { seconds } = await buildApp(cleanups, { projectDir, distDir: options.distDir, env: buildEnv, logFile: path.join(logDir, "build.log") });
      build = `built in ${seconds.toFixed(0)} s`;
      step(`  ${build}`);
    }
    for (const [index, kind] of options.databases.entries()) {
      await runOnDatabase(run, kind, ports[index]!, ports[2]!);
    }
  } catch (error) {
    exitCode = 1;
    run.notes.push(`**The run stopped early:** ${(error as Error).message.split("\n")[0]}`);
    console.error(`\nbench: ${(error as Error).message}`);
  } finally {
    await cleanups.runAll();
  }

  if (run.ceilingRow?.load) {
    for (const row of run.pageRows) {
      if (row.load) row.shareOfCeiling = row.load.requestsPerSecond / run.ceilingRow.load.requestsPerSecond;
    }
    run.rows.push(run.ceilingRow);
  }
  if (run.rows.some((row) => !row.load)) exitCode = 1;

  const setup =
    `Setup: groups ${options.groups.join(", ")}; data at ${options.scale === 1 ? "the issues' full size" : `scale ${options.scale} of the issues' sizes`}; ` +
    `${options.connections} connections for reads, ${options.writeConnections} for writes, ${options.warmupSeconds} s warm-up then ${options.seconds} s measured per row` +
    `${options.groups.includes("comments") ? `, live: ${options.liveConnections} connections × ${options.liveRounds} comments` : ""}` +
    `${options.groups.some((group) => group !== "essay") ? ", the app started with RATE_LIMITS=off (the write loads exceed one account's limits by design)" : ""}, ` +
    `loopback, ${options.acceptEncoding ? `\`accept-encoding: ${options.acceptEncoding}\`` : "no accept-encoding"}; ` +
    `production build (${options.distDir}, ${build}) ` +
    `served by scripts/start.ts; ${machine}.`;
  const report = renderReport({
    startedAt,
    rows: run.rows,
    pageRows: run.pageRows,
    firstLoadJs: run.firstLoadJs,
    firstLoadJsFailure: run.firstLoadJsFailure,
    notes: run.notes,
    setup,
    wallSeconds: (Date.now() - startedAt.getTime()) / 1000,
  });
  console.log(`\n${report}`);
  const details = run.firstLoadJs ? `\n#### Scripts loaded by \`/\`\n\n${renderScriptList(run.firstLoadJs)}` : "";
  fs.writeFileSync(path.join(resultsDir, "latest.md"), report + details);
  step(`written to bench/results/latest.md (wall time ${formatDuration((Date.now() - startedAt.getTime()) / 1000)})`);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
