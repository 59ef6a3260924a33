/**
 * Reads the JSON reports of one run of each suite (Vitest's `json` reporter, Playwright's `json`
 * reporter) into one list of outcomes per test, and tallies outcomes over many runs.
 *
 * A test Playwright calls "flaky" (it passed on a retry) counts as failed: a test that needs a
 * retry is a flaky test. A file that fails to load, or an error outside any test (global setup),
 * counts as a failure of its own, so a run that broke early is never read as green.
 */

export type Suite = "unit" | "e2e";

export interface Outcome {
  suite: Suite;
  /** "file › describe › title", unique within the suite. */
  name: string;
  passed: boolean;
  /** The first line of the first error, for the summary. */
  error?: string;
}

// Only the fields read here; the reporters write many more.
interface VitestReport {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { ancestorTitles: string[]; title: string; status: string; failureMessages?: string[] }[];
  }[];
}

interface PlaywrightSuite {
  title: string;
  file?: string;
  specs?: { title: string; file: string; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
  suites?: PlaywrightSuite[];
}

interface PlaywrightReport {
  suites: PlaywrightSuite[];
  errors?: { message?: string }[];
}

/** Vitest's json report → one outcome per test; skipped and todo tests are left out. */
export function vitestOutcomes(report: VitestReport, rootDir: string): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const file of report.testResults) {
    const path = relativeTo(file.name, rootDir);
    for (const test of file.assertionResults) {
      if (test.status !== "passed" && test.status !== "failed") continue;
      outcomes.push({
        suite: "unit",
        name: [path, ...test.ancestorTitles, test.title].join(" › "),
        passed: test.status === "passed",
        error: test.status === "failed" ? firstLine(test.failureMessages?.[0]) : undefined,
      });
    }
    // A file that failed outside its tests (import error, failing hook) may report no test at all.
    if (file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed")) {
      outcomes.push({ suite: "unit", name: `${path} (the file itself)`, passed: false, error: firstLine(file.message) });
    }
  }
  return outcomes;
}

/** Playwright's json report → one outcome per test; "flaky" is a failure, skipped tests are left out. */
export function playwrightOutcomes(report: PlaywrightReport): Outcome[] {
  const outcomes: Outcome[] = [];
  const walk = (suite: PlaywrightSuite, titles: string[]) => {
    // The top suites are files, titled with their path.
    const here = suite.file && suite.title === suite.file ? [suite.file] : [...titles, suite.title];
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status === "skipped") continue;
        const failed = test.results.find((result) => result.error);
        outcomes.push({
          suite: "e2e",
          name: [...here, spec.title].join(" › "),
          passed: test.status === "expected",
          error: test.status === "expected" ? undefined : firstLine(failed?.error?.message) ?? test.status,
        });
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites) walk(suite, []);
  for (const error of report.errors ?? []) {
    outcomes.push({ suite: "e2e", name: "(outside any test: global setup or teardown, a worker)", passed: false, error: firstLine(error.message) });
  }
  return outcomes;
}

export interface Tally {
  suite: Suite;
  name: string;
  failures: number;
  runs: number;
  /** The first line of the latest failure. */
  lastError?: string;
}

/** Each test that ever failed, most failures first. */
export function tallyFailures(runs: readonly (readonly Outcome[])[]): Tally[] {
  const tallies = new Map<string, Tally>();
  for (const outcomes of runs) {
    for (const outcome of outcomes) {
      const key = `${outcome.suite}\u0000${outcome.name}`;
      const tally = tallies.get(key) ?? { suite: outcome.suite, name: outcome.name, failures: 0, runs: 0 };
      tally.runs += 1;
      if (!outcome.passed) {
        tally.failures += 1;
        tally.lastError = outcome.error;
      }
      tallies.set(key, tally);
    }
  }
  return [...tallies.values()].filter((tally) => tally.failures > 0).sort((a, b) => b.failures - a.failures || a.name.localeCompare(b.name));
}

function relativeTo(file: string, rootDir: string): string {
  const root = rootDir.endsWith("/") ? rootDir : `${rootDir}/`;
  return file.startsWith(root) ? file.slice(root.length) : file;
}

function firstLine(text: string | undefined): string | undefined {
  // Reporters colour their messages: keep the words.
  const plain = text?.replace(/\u001b\[[0-9;]*m/g, "").trim();
  return plain ? plain.split("\n")[0]!.slice(0, 160) : undefined;
}
