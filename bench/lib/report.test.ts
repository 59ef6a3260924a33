import { describe, expect, it } from "vitest";
import { renderReport, tableRow, type Row } from "./report.ts";

const load = {
  requestsPerSecond: 4123.4,
  p50Ms: 2.25,
  p99Ms: 12.6,
  errors: 0,
  non2xx: 3,
  totalRequests: 61851,
  statusCounts: { "200": 61848, "500": 3 },
};

describe("tableRow", () => {
  it("prints a measured row with rounded figures and the share of the ceiling", () => {
    const row: Row = { target: "essay page", database: "PGlite", load, peakRssBytes: 300 * 1024 * 1024, shareOfCeiling: 0.374 };
    expect(tableRow(row)).toBe("| essay page | PGlite | 4,123 | 2.3 | 13 | 0 / 3 | 300 MiB | 37% |  |  |");
  });

  it("says why a row was not measured, keeping the table's shape", () => {
    const row: Row = { target: "essay page", database: "PGlite", load: null, failure: "status 500 | oops", peakRssBytes: null };
    const printed = tableRow(row);
    expect(printed).toContain("**not measured:** status 500 \\| oops");
    expect(printed.split(/(?<!\\)\|/).length).toBe(12);
  });

  it("says whether the row met its goal, and what the check after the load found", () => {
    const row: Row = { target: "votes", database: "PostgreSQL", load, peakRssBytes: null, goal: { minPerSecond: 1000, maxP99Ms: 20 }, check: "exact" };
    expect(tableRow(row)).toBe("| votes | PostgreSQL | 4,123 | 2.3 | 13 | 0 / 3 | n/a |  | ≥ 1,000/s, p99 ≤ 20 ms: met | exact |");
    expect(tableRow({ ...row, goal: { maxP99Ms: 10 } })).toContain("| p99 ≤ 10 ms: **missed** |");
    expect(tableRow({ ...row, checkFailed: true, check: "**wrong:** 3 missing" })).toContain("| ≥ 1,000/s, p99 ≤ 20 ms: **missed** | **wrong:** 3 missing |");
  });

  it("never counts a row without a single answer as meeting its goal", () => {
    const silent = { ...load, requestsPerSecond: 0, p50Ms: 0, p99Ms: 0, totalRequests: 0, non2xx: 0, statusCounts: {} };
    const row: Row = { target: "breakdown", database: "PGlite", load: silent, peakRssBytes: null, goal: { maxP99Ms: 50 } };
    expect(tableRow(row)).toContain("| p99 ≤ 50 ms: **missed** |");
  });

  it("prints a dash for the rate of a row that measures a delay", () => {
    const row: Row = { target: "live", database: "PGlite", load: { ...load, requestsPerSecond: Number.NaN }, peakRssBytes: null };
    expect(tableRow(row)).toContain("| live | PGlite | — | 2.3 |");
  });
});

describe("renderReport", () => {
  it("compares the page with the targets", () => {
    const page: Row = { target: "essay page", database: "PGlite", load, peakRssBytes: null, shareOfCeiling: 0.25 };
    const text = renderReport({
      startedAt: new Date("2026-11-25T12:00:00Z"),
      rows: [page],
      pageRows: [page],
      firstLoadJs: { scripts: [{ src: "/a.js", bytes: 400_000, gzipBytes: 131_000 }], gzipBytes: 131_000, inlineScripts: 2, inlineGzipBytes: 9_000 },
      notes: [],
      setup: "Setup: test.",
      wallSeconds: 125,
    });
    expect(text).toContain("25% of the bare `node:http` ceiling (target ≥ 30%: **missed**)");
    expect(text).toContain("p99 13 ms (target ≤ 50 ms: met)");
    expect(text).toContain("131.0 kB in 1 scripts (target ≤ 130.0 kB: **missed**)");
    expect(text).toContain("Wall time of the whole run: 2 min 5 s.");
  });

  it("says when the load generator, not the server, set the pace", () => {
    const page: Row = { target: "essay page", database: "PGlite", load, peakRssBytes: null, cpu: { loadGenerator: 0.97, server: 0.6, database: 0, others: 0.1 } };
    const api: Row = { target: "essay.get", database: "PGlite", load, peakRssBytes: null, cpu: { loadGenerator: 0.3, server: 0.99, database: 0.45, others: 0.7 } };
    const text = renderReport({ startedAt: new Date(), rows: [page, api], pageRows: [page], firstLoadJs: null, notes: [], setup: "", wallSeconds: 1 });
    expect(text).toContain("essay page on PGlite 0.97 / 0.60 / 0.00 / 0.10; essay.get on PGlite 0.30 / 0.99 / 0.45 / 0.70");
    expect(text).toContain("The load generator used a whole core for essay page on PGlite:");
    expect(text).not.toContain("whole core for essay page on PGlite, essay.get");
    expect(text).toContain("**Other processes used 0.5 cores or more** during essay.get on PGlite:");
  });
});
