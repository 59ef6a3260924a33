import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/test/database.ts";
import { commentRank, commentRankSql, poissonLowerBound, rankTimeConstantSeconds } from "./ranking.ts";

/** The exact 90% lower bound: the rate λ at which P(X ≥ k) = 0.10, found by bisection. */
function exactLowerBound(k: number): number {
  const atLeastK = (lambda: number) => {
    // Terms in logarithms: e^-1000 alone underflows, the terms near i = λ do not.
    let logTerm = -lambda;
    let below = 0;
    for (let i = 0; i < k; i++) {
      below += Math.exp(logTerm);
      logTerm += Math.log(lambda / (i + 1));
    }
    return 1 - below;
  };
  let low = 0;
  let high = k + 10 * Math.sqrt(k) + 10;
  for (let step = 0; step < 200; step++) {
    const mid = (low + high) / 2;
    if (atLeastK(mid) < 0.1) low = mid;
    else high = mid;
  }
  return low;
}

const hour = 3600_000;
const t0 = new Date("2026-06-01T00:00:00Z");

describe("poissonLowerBound", () => {
  it("is 0 without votes and close to the exact chi-square bound from one vote on", () => {
    expect(poissonLowerBound(0)).toBe(0);
    expect(poissonLowerBound(1)).toBeCloseTo(exactLowerBound(1), 1);
    for (const k of [2, 3, 5, 10, 50, 200, 1000]) {
      expect(Math.abs(poissonLowerBound(k) / exactLowerBound(k) - 1)).toBeLessThan(0.01);
    }
  });

  it("grows with every vote, and stays below the count", () => {
    let previous = -1;
    for (let k = 0; k <= 500; k++) {
      const bound = poissonLowerBound(k);
      expect(bound).toBeGreaterThan(previous);
      expect(bound).toBeLessThanOrEqual(k);
      previous = bound;
    }
  });
});

describe("commentRank", () => {
  it("barely separates 1 vote from 0, and clearly 50 from 5", () => {
    const gap = (a: number, b: number) => commentRank(a, t0) - commentRank(b, t0);
    expect(gap(1, 0)).toBeLessThan(0.1);
    expect(gap(50, 5)).toBeGreaterThan(2);
  });

  it("values one e-fold of (L + 1) like τ of age: a newer comment starts level with an older voted one", () => {
    const newer = new Date(t0.getTime() + rankTimeConstantSeconds * 1000);
    expect(commentRank(0, newer) - commentRank(0, t0)).toBeCloseTo(1, 10);
  });

  it("lets a new good comment climb over an old one as it collects votes (docs/comment-ranking.md)", () => {
    // 20 votes a day and a half ago against a fresh comment: it passes once it has 20 too,
    // but not with 5.
    const old = commentRank(20, new Date(t0.getTime() - 36 * hour));
    expect(commentRank(5, t0)).toBeLessThan(old);
    expect(commentRank(20, t0)).toBeGreaterThan(old);
    // Age alone never buries a well-liked comment within a day: 50 votes a day ago beat a fresh 0.
    expect(commentRank(50, new Date(t0.getTime() - 24 * hour))).toBeGreaterThan(commentRank(0, t0));
  });

  it("is a finite double that stays exact through JSON (the cursor carries it)", () => {
    const rank = commentRank(123, new Date("2027-03-04T05:06:07.089Z"));
    expect(Number.isFinite(rank)).toBe(true);
    expect(JSON.parse(JSON.stringify(rank))).toBe(rank);
  });
});

describe("commentRankSql", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("computes the same rank in the database as commentRank", async () => {
    const cases = [0, 1, 2, 7, 50, 1234].map((score, i) => ({ score, createdAt: new Date(Date.UTC(2026, i, 3 + i, i, 7, 11, 123 * i)) }));
    const values = cases.map((c) => `(${c.score}, '${c.createdAt.toISOString().replace("T", " ").replace("Z", "")}'::timestamp(3))`).join(", ");
    const rows = await database.db.$queryRawUnsafe<{ rank: number }[]>(
      `SELECT ${commentRankSql("v.score", "v.at")} AS rank FROM (VALUES ${values}) AS v(score, at)`,
    );
    rows.forEach((row, i) => expect(row.rank).toBeCloseTo(commentRank(cases[i]!.score, cases[i]!.createdAt), 12));
  });
});
