/**
 * `npm run test:repeat -- [--runs 5] [--suite all|unit|e2e] [-- <playwright options>]`: runs the
 * suites `npm test` runs, the same way, several times over, and names every test that failed in
 * any run with how often. One green run proves little: a test that fails one run in three passes
 * twice in a row half the time. Exits non-zero when any test failed in any run (docs/testing.md).
 *
 * Each run keeps its reports, logs and Playwright's traces in test-results-repeat/<start>/run-<n>/.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, createWriteStream } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { rootDir } from "../../e2e/fixtures/settings.ts";
import { playwrightOutcomes, tallyFailures, vitestOutcomes, type Outcome, type Suite } from "./reports.ts";

const { values, positionals } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    suite: { type: "string", default: "all" },
  },
  allowPositionals: true,
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a whole number of at least 1, not "${values.runs}"`);
const suites: Suite[] = values.suite === "all" ? ["unit", "e2e"] : values.suite === "unit" || values.suite === "e2e" ? [values.suite] : fail(`--suite must be all, unit or e2e, not "${values.suite}"`);

// Ctrl-C stops the suite that runs (its own cleanup stops the app) and then this script.
let running: ChildProcess | null = null;
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    running?.kill(signal);
    process.exitCode = 130;
    stopping = true;
  });
}

const outDir = path.join(rootDir, "test-results-repeat", new Date().toISOString().replace(/[:.]/g, "-"));
const outcomesPerRun: Outcome[][] = [];
console.log(`${runs} run(s) of ${suites.join(" + ")}; reports and logs in ${path.relative(rootDir, outDir)}/`);

for (let run = 1; run <= runs; run++) {
  const runDir = path.join(outDir, `run-${run}`);
  mkdirSync(runDir, { recursive: true });
  const outcomes: Outcome[] = [];
  for (const suite of suites) {
    if (stopping) process.exit(130);
    const started = Date.now();
    const result = suite === "unit" ? await runUnit(runDir) : await runE2e(runDir, positionals);
    outcomes.push(...result.outcomes);
    const passed = result.outcomes.filter((outcome) => outcome.passed).length;
    const failed = result.outcomes.length - passed;
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(
      `run ${run}/${runs} ${suite.padEnd(4)} ${String(passed).padStart(4)} passed ${String(failed).padStart(3)} failed` +
        `  exit ${result.exitCode}  ${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s  (${path.relative(rootDir, result.log)})`,
    );
  }
  outcomesPerRun.push(outcomes);
}

const failures = tallyFailures(outcomesPerRun);
if (failures.length === 0) {
  console.log(`\nEvery test passed in all ${runs} run(s).`);
  process.exit(0);
}
console.log(`\nTests that failed in at least one of ${runs} run(s):\n`);
console.log(`${"failed".padEnd(8)}${"suite".padEnd(6)}test`);
for (const tally of failures) {
  console.log(`${`${tally.failures}/${tally.runs}`.padEnd(8)}${tally.suite.padEnd(6)}${tally.name}`);
  if (tally.lastError) console.log(`${" ".repeat(14)}${tally.lastError}`);
}
process.exit(1);

interface SuiteRun {
  outcomes: Outcome[];
  exitCode: number;
  log: string;
}

/** `npm run test:unit`, with Vitest's json report beside its usual output. */
async function runUnit(runDir: string): Promise<SuiteRun> {
  const report = path.join(runDir, "unit.json");
  const log = path.join(runDir, "unit.log");
  const exitCode = await npmRun(["test:unit", "--", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], log, {});
  return { exitCode, log, outcomes: readReport(report, exitCode, "unit", (json) => vitestOutcomes(json, rootDir)) };
}

/** `npm run test:e2e`, with Playwright's json report, its results kept per run. */
async function runE2e(runDir: string, playwrightArgs: string[]): Promise<SuiteRun> {
  const report = path.join(runDir, "e2e.json");
  const log = path.join(runDir, "e2e.log");
  const args = ["test:e2e", "--", "--reporter=list,json", `--output=${path.join(runDir, "e2e")}`, ...playwrightArgs];
  const exitCode = await npmRun(args, log, { PLAYWRIGHT_JSON_OUTPUT_FILE: report });
  return { exitCode, log, outcomes: readReport(report, exitCode, "e2e", playwrightOutcomes) };
}

/** The report's outcomes; a run that exited non-zero with no failed test in it is a failure too. */
function readReport(file: string, exitCode: number, suite: Suite, read: (json: never) => Outcome[]): Outcome[] {
  const outcomes = existsSync(file) ? read(JSON.parse(readFileSync(file, "utf8")) as never) : [];
  if (exitCode !== 0 && outcomes.every((outcome) => outcome.passed)) {
    outcomes.push({ suite, name: "(the run itself)", passed: false, error: `exit code ${exitCode}${existsSync(file) ? "" : ", no report"}: see its log` });
  }
  return outcomes;
}

function npmRun(args: string[], logFile: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile);
    const child = spawn("npm", ["run", ...args], { cwd: rootDir, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    running = child;
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      running = null;
      log.end(() => resolve(code ?? (signal ? 1 : 0)));
    });
  });
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
