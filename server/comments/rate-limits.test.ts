/** The per-account comment limits, on the in-memory limiter with a fake clock. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import { createInMemoryRateLimiter, type RefundableRateLimiter } from "@/server/rate-limit/rate-limiter.ts";
import { commentRateGate, commentRateLimits } from "./rate-limits.ts";

function gate() {
  const limiters = new Map<string, RefundableRateLimiter>();
  return commentRateGate({} as never, (name) => {
    if (!limiters.has(name)) limiters.set(name, createInMemoryRateLimiter(commentRateLimits[name]));
    return limiters.get(name)!;
  });
}

async function refusalOf(run: Promise<unknown>): Promise<{ code: string; key: string; params: unknown } | null> {
  try {
    await run;
    return null;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause as unknown as { key: string; params: unknown };
    return { code: error.code, key: cause.key, params: cause.params };
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-25T12:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("commentRateGate", () => {
  it("allows one comment per 5 s, and 30 per hour however they are spaced", async () => {
    const allow = gate();
    for (let i = 0; i < 30; i++) {
      expect(await refusalOf(allow("create", "reader"))).toBeNull();
      expect(await refusalOf(allow("create", "reader"))).toEqual({ code: "TOO_MANY_REQUESTS", key: "comments.rateLimited", params: { seconds: 5 } });
      vi.advanceTimersByTime(5_000);
    }
    // 30 in 150 s: the 31st waits until the first leaves the hour.
    expect(await refusalOf(allow("create", "reader"))).toEqual({ code: "TOO_MANY_REQUESTS", key: "comments.rateLimited", params: { seconds: 3_450 } });
    expect(await refusalOf(allow("create", "someone else"))).toBeNull();
    vi.advanceTimersByTime(3_450_000);
    expect(await refusalOf(allow("create", "reader"))).toBeNull();
  });

  it("counts votes and edits apart from comments", async () => {
    const allow = gate();
    await allow("create", "reader");
    for (let i = 0; i < 60; i++) expect(await refusalOf(allow("vote", "reader"))).toBeNull();
    expect(await refusalOf(allow("vote", "reader"))).toMatchObject({ key: "comments.voteRateLimited", params: { seconds: 60 } });
    for (let i = 0; i < 20; i++) expect(await refusalOf(allow("edit", "reader"))).toBeNull();
    expect(await refusalOf(allow("edit", "reader"))).toMatchObject({ key: "comments.editRateLimited", params: { seconds: 600 } });
  });

  it("gives back every limit it counted, so an action refused after the gate costs nothing", async () => {
    const allow = gate();
    const giveBackComment = await allow("create", "reader");
    await giveBackComment!();
    // Both the 5 s and the hourly count were given back: another comment at once, and 30 more in the hour.
    for (let i = 0; i < 30; i++) {
      expect(await refusalOf(allow("create", "reader"))).toBeNull();
      vi.advanceTimersByTime(5_000);
    }
    expect(await refusalOf(allow("create", "reader"))).toMatchObject({ key: "comments.rateLimited" });

    for (let i = 0; i < 59; i++) await allow("vote", "reader");
    const giveBackVote = await allow("vote", "reader");
    await giveBackVote!();
    expect(await refusalOf(allow("vote", "reader"))).toBeNull();
    expect(await refusalOf(allow("vote", "reader"))).toMatchObject({ key: "comments.voteRateLimited" });
  });
});
