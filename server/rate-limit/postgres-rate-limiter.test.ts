/**
 * The in-memory and the PostgreSQL-backed limiter against one behaviour table. The PostgreSQL one
 * runs on PGlite here (the same SQL) and on a real server with TEST_DATABASE_URL, where the
 * concurrent calls really race on separate connections.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/test/database.ts";
import { appRateLimiter, rateLimiterStore } from "./app-rate-limiter.ts";
import { createPostgresRateLimiter, pruneEveryMs } from "./postgres-rate-limiter.ts";
import { createInMemoryRateLimiter, type RateLimit, type RefundableRateLimiter } from "./rate-limiter.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A realistic clock origin: hits are stored as timestamps. */
const t0 = Date.parse("2026-01-01T00:00:00Z");
let nameCount = 0;

const implementations: [string, (limit: RateLimit) => RefundableRateLimiter][] = [
  ["in memory", (limit) => createInMemoryRateLimiter(limit)],
  ["PostgreSQL-backed", (limit) => createPostgresRateLimiter(database.db, `test-${(nameCount += 1)}`, limit)],
];

describe.each(implementations)("the %s limiter", (_label, create) => {
  it("allows max actions per window, then refuses with the seconds until the oldest leaves it; the window slides", async () => {
    const limiter = create({ max: 3, windowMs: 60_000 });
    const table: [at: number, expected: { allowed: boolean; retryAfterSeconds?: number }][] = [
      [0, { allowed: true }],
      [1_000, { allowed: true }],
      [2_000, { allowed: true }],
      [10_000, { allowed: false, retryAfterSeconds: 50 }],
      // Refusals are not counted: the first slot frees at 60 s exactly.
      [59_999, { allowed: false, retryAfterSeconds: 1 }],
      [60_000, { allowed: true }],
      [60_001, { allowed: false, retryAfterSeconds: 1 }],
      [61_000, { allowed: true }],
      [61_500, { allowed: false, retryAfterSeconds: 1 }],
      [62_000, { allowed: true }],
      [62_000, { allowed: false, retryAfterSeconds: 58 }],
    ];
    for (const [at, expected] of table) expect(await limiter.consume("reader-a", t0 + at), `at ${at} ms`).toEqual(expected);
  });

  it("counts each key on its own", async () => {
    const limiter = create({ max: 1, windowMs: 1_000 });
    expect(await limiter.consume("a", t0)).toEqual({ allowed: true });
    expect(await limiter.consume("b", t0)).toEqual({ allowed: true });
    expect(await limiter.consume("a", t0 + 500)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await limiter.consume("a", t0 + 1_000)).toEqual({ allowed: true });
  });

  it("allows exactly max of many concurrent actions on one key", async () => {
    const limiter = create({ max: 5, windowMs: 60_000 });
    const decisions = await Promise.all(Array.from({ length: 30 }, () => limiter.consume("burst", t0)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(decisions.filter((d) => !d.allowed)).toHaveLength(25);
  });

  it("gives back a counted action: the slot is free again at once, and other keys and instants keep theirs", async () => {
    const limiter = create({ max: 2, windowMs: 60_000 });
    expect(await limiter.consume("reader", t0)).toEqual({ allowed: true });
    expect(await limiter.consume("other", t0 + 1_000)).toEqual({ allowed: true });
    expect(await limiter.consume("reader", t0 + 1_000)).toEqual({ allowed: true });
    expect((await limiter.consume("reader", t0 + 2_000)).allowed).toBe(false);

    await limiter.refund("reader", t0 + 1_000);
    // Nothing was counted at these: nothing changes.
    await limiter.refund("reader", t0 + 1_500);
    await limiter.refund("nobody", t0 + 1_000);
    expect(await limiter.consume("reader", t0 + 3_000)).toEqual({ allowed: true });
    // The hit at t0 is still counted (it was not given back), so the wait is until it leaves.
    expect(await limiter.consume("reader", t0 + 4_000)).toEqual({ allowed: false, retryAfterSeconds: 56 });
    expect(await limiter.consume("other", t0 + 4_000)).toEqual({ allowed: true });
  });

  it("gives back each of many concurrent actions of one instant exactly once", async () => {
    const limiter = create({ max: 5, windowMs: 60_000 });
    const decisions = await Promise.all(Array.from({ length: 8 }, () => limiter.consume("twins", t0)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    // Three of the five hits share key and instant with the others; three refunds free three slots.
    await Promise.all(Array.from({ length: 3 }, () => limiter.refund("twins", t0)));
    const again = await Promise.all(Array.from({ length: 8 }, () => limiter.consume("twins", t0 + 1_000)));
    expect(again.filter((d) => d.allowed)).toHaveLength(3);
  });
});

describe("the PostgreSQL-backed limiter across app servers", () => {
  it("shares one count between limiters of the same name (two servers), exactly max under concurrency", async () => {
    const limit = { max: 4, windowMs: 60_000 };
    const serverA = createPostgresRateLimiter(database.db, "shared", limit);
    const serverB = createPostgresRateLimiter(database.db, "shared", limit);
    const decisions = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? serverA : serverB).consume("reader", t0)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(4);
    expect(await database.db.rateLimitHit.count({ where: { key: "shared:reader" } })).toBe(4);
    expect(await serverB.consume("reader", t0 + 1_000)).toEqual({ allowed: false, retryAfterSeconds: 59 });
  });

  it("keeps names apart: the same key under two names counts twice", async () => {
    const limit = { max: 1, windowMs: 60_000 };
    expect(await createPostgresRateLimiter(database.db, "votes", limit).consume("reader", t0)).toEqual({ allowed: true });
    expect(await createPostgresRateLimiter(database.db, "comments", limit).consume("reader", t0)).toEqual({ allowed: true });
    expect(await database.db.rateLimitHit.count({ where: { key: { in: ["votes:reader", "comments:reader"] } } })).toBe(2);
  });

  it("prunes its own hits that left the window, at most once a minute, and leaves other names' hits", async () => {
    const short = createPostgresRateLimiter(database.db, "prune-short", { max: 10, windowMs: 1_000 });
    const long = createPostgresRateLimiter(database.db, "prune-long", { max: 10, windowMs: 3_600_000 });
    const start = t0 + 10_000_000;
    await long.consume("x", start);
    await short.consume("x", start); // prunes nothing yet (first prune), then waits a minute
    await short.consume("x", start + 2_000); // within a minute of the last prune: the old hit stays
    const keys = () => database.db.rateLimitHit.count({ where: { key: { in: ["prune-short:x", "prune-long:x"] } } });
    expect(await keys()).toBe(3);
    await short.consume("x", start + pruneEveryMs + 2_000);
    // Both earlier short hits left its 1 s window; the long limiter's hit is kept.
    expect(await database.db.rateLimitHit.findMany({ where: { key: { startsWith: "prune-" } }, select: { key: true }, orderBy: { at: "asc" } })).toEqual([
      { key: "prune-long:x" },
      { key: "prune-short:x" },
    ]);
  });
});

describe("appRateLimiter", () => {
  it("counts in PostgreSQL on a PostgreSQL server, in memory on PGlite, and not at all with RATE_LIMITS=off", () => {
    expect(rateLimiterStore({ DATABASE_URL: "postgres://u:p@db:5432/tuiquan" })).toBe("postgres");
    expect(rateLimiterStore({})).toBe("memory");
    expect(rateLimiterStore({ DATABASE_URL: "postgres://u:p@db:5432/tuiquan", RATE_LIMITS: "off" })).toBe("off");
  });

  it("gives one limiter per name, so counts survive between requests", async () => {
    const limit = { max: 1, windowMs: 60_000 };
    expect(await appRateLimiter(database.db, "app-memory", limit, "memory").consume("r", t0)).toEqual({ allowed: true });
    expect((await appRateLimiter(database.db, "app-memory", limit, "memory").consume("r", t0)).allowed).toBe(false);
    expect(await appRateLimiter(database.db, "app-pg", limit, "postgres").consume("r", t0)).toEqual({ allowed: true });
    expect((await appRateLimiter(database.db, "app-pg", limit, "postgres").consume("r", t0)).allowed).toBe(false);
    expect(await database.db.rateLimitHit.count({ where: { key: "app-pg:r" } })).toBe(1);
  });

  it("refuses one name with two different limits (they would share keys)", () => {
    appRateLimiter(database.db, "app-twice", { max: 1, windowMs: 1_000 }, "memory");
    expect(() => appRateLimiter(database.db, "app-twice", { max: 2, windowMs: 1_000 }, "memory")).toThrow(/already defined/);
  });

  it("lets everything through with RATE_LIMITS=off", async () => {
    const limiter = appRateLimiter(database.db, "app-off", { max: 1, windowMs: 60_000 }, "off");
    for (let i = 0; i < 5; i += 1) expect(await limiter.consume("r", t0)).toEqual({ allowed: true });
    await limiter.refund("r", t0);
    expect(await limiter.consume("r", t0)).toEqual({ allowed: true });
  });
});
