import { describe, expect, it } from "vitest";
import { playwrightOutcomes, tallyFailures, vitestOutcomes, type Outcome } from "./reports.ts";

describe("vitestOutcomes", () => {
  it("names each test by file and describe blocks, leaves skipped tests out, and counts a file that failed to load", () => {
    const outcomes = vitestOutcomes(
      {
        testResults: [
          {
            name: "/repo/server/ranking.test.ts",
            status: "failed",
            assertionResults: [
              { ancestorTitles: ["hot score"], title: "decays with age", status: "passed" },
              { ancestorTitles: ["hot score"], title: "ties break by id", status: "failed", failureMessages: ["\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n    at …"] },
              { ancestorTitles: [], title: "someday", status: "skipped" },
            ],
          },
          { name: "/repo/server/broken.test.ts", status: "failed", message: "Cannot find module './gone.ts'", assertionResults: [] },
        ],
      },
      "/repo",
    );
    expect(outcomes).toEqual([
      { suite: "unit", name: "server/ranking.test.ts › hot score › decays with age", passed: true, error: undefined },
      { suite: "unit", name: "server/ranking.test.ts › hot score › ties break by id", passed: false, error: "AssertionError: expected 1 to be 2" },
      { suite: "unit", name: "server/broken.test.ts (the file itself)", passed: false, error: "Cannot find module './gone.ts'" },
    ]);
  });
});

describe("playwrightOutcomes", () => {
  it("counts a flaky test (passed on a retry) as failed, and an error outside the tests as a failure", () => {
    const outcomes = playwrightOutcomes({
      suites: [
        {
          title: "keyboard.spec.ts",
          file: "keyboard.spec.ts",
          specs: [
            { title: "Tab reaches every control", file: "keyboard.spec.ts", tests: [{ status: "expected", results: [{}] }] },
            { title: "skipped one", file: "keyboard.spec.ts", tests: [{ status: "skipped", results: [] }] },
          ],
          suites: [
            {
              title: "many comments",
              file: "keyboard.spec.ts",
              specs: [
                {
                  title: "sorts",
                  file: "keyboard.spec.ts",
                  tests: [{ status: "flaky", results: [{ error: { message: "Error: Timed out 15000ms waiting for expect(locator).toBeVisible()\nCall log:" } }, {}] }],
                },
                { title: "pages", file: "keyboard.spec.ts", tests: [{ status: "unexpected", results: [{ error: { message: "Test timeout of 120000ms exceeded." } }] }] },
              ],
            },
          ],
        },
      ],
      errors: [{ message: "Error: Port 3400 is already in use" }],
    });
    expect(outcomes).toEqual([
      { suite: "e2e", name: "keyboard.spec.ts › Tab reaches every control", passed: true, error: undefined },
      { suite: "e2e", name: "keyboard.spec.ts › many comments › sorts", passed: false, error: "Error: Timed out 15000ms waiting for expect(locator).toBeVisible()" },
      { suite: "e2e", name: "keyboard.spec.ts › many comments › pages", passed: false, error: "Test timeout of 120000ms exceeded." },
      { suite: "e2e", name: "(outside any test: global setup or teardown, a worker)", passed: false, error: "Error: Port 3400 is already in use" },
    ]);
  });
});

describe("tallyFailures", () => {
  it("lists only tests that ever failed, most failures first, with how many runs they ran in", () => {
    const run = (failed: string[]): Outcome[] =>
      ["a", "b", "c"].map((name) => ({ suite: "e2e", name, passed: !failed.includes(name), error: failed.includes(name) ? `${name} broke` : undefined }));
    expect(tallyFailures([run(["b"]), run([]), run(["b", "c"])])).toEqual([
      { suite: "e2e", name: "b", failures: 2, runs: 3, lastError: "b broke" },
      { suite: "e2e", name: "c", failures: 1, runs: 3, lastError: "c broke" },
    ]);
    expect(tallyFailures([run([]), run([])])).toEqual([]);
  });
});
