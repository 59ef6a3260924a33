import { describe, expect, it } from "vitest";
import { createInMemoryRateLimiter } from "./rate-limiter.ts";

describe("createInMemoryRateLimiter", () => {
  it("allows max actions per window, then refuses with the seconds until the oldest leaves it", async () => {
    const limiter = createInMemoryRateLimiter({ max: 3, windowMs: 60_000 });
    for (const t of [0, 1_000, 2_000]) expect(await limiter.consume("a", t)).toEqual({ allowed: true });
    expect(await limiter.consume("a", 10_000)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    // Refusals are not counted: the first slot frees at 60 s.
    expect(await limiter.consume("a", 59_999)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(await limiter.consume("a", 60_000)).toEqual({ allowed: true });
    expect(await limiter.consume("a", 60_001)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("counts each key on its own", async () => {
    const limiter = createInMemoryRateLimiter({ max: 1, windowMs: 1_000 });
    expect(await limiter.consume("a", 0)).toEqual({ allowed: true });
    expect(await limiter.consume("b", 0)).toEqual({ allowed: true });
    expect((await limiter.consume("a", 500)).allowed).toBe(false);
  });

  it("gives back a counted action, once, and nothing that was not counted", async () => {
    const limiter = createInMemoryRateLimiter({ max: 2, windowMs: 60_000 });
    expect(await limiter.consume("a", 0)).toEqual({ allowed: true });
    expect(await limiter.consume("a", 0)).toEqual({ allowed: true });
    await limiter.refund("a", 0);
    await limiter.refund("a", 500); // nothing counted then
    expect(await limiter.consume("a", 1_000)).toEqual({ allowed: true });
    expect(await limiter.consume("a", 2_000)).toEqual({ allowed: false, retryAfterSeconds: 58 });
  });

  it("forgets keys whose window has passed", async () => {
    const limiter = createInMemoryRateLimiter({ max: 1, windowMs: 1_000 });
    expect(await limiter.consume("a", 0)).toEqual({ allowed: true });
    expect(await limiter.consume("b", 5_000)).toEqual({ allowed: true });
    expect(await limiter.consume("a", 5_000)).toEqual({ allowed: true });
  });
});
