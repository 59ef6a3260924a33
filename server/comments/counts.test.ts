/** The kept counts: exact on first read, served at once when a little stale, waited for when old. */
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/server/db/client.ts";
import { createTestUser } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { markCommentCountsStale, paragraphCommentCounts, visibleCommentCount } from "./counts.ts";
import { createCommentEssay, seedComment } from "./testing/comment-fixture.ts";

let db: Db;
useTestDatabase({ setup: async (opened) => void (db = opened) });

describe("comment counts", () => {
  it("counts once per second, serves the kept count while a refresh runs, and refreshes within a second of writes", async () => {
    const essay = await createCommentEssay(db);
    const author = await createTestUser(db);
    await seedComment(db, { essayId: essay.id, authorId: author.id, paragraphKey: "p1" });
    const start = Date.now();
    expect(await visibleCommentCount(db, essay.id, null, start)).toBe(1);
    expect(await paragraphCommentCounts(db, essay.id, start)).toEqual({ p1: 1 });

    await seedComment(db, { essayId: essay.id, authorId: author.id, paragraphKey: "p1" });
    // Fresh: the kept count, without a query.
    const queries = vi.spyOn(db, "$queryRaw");
    expect(await visibleCommentCount(db, essay.id, null, start + 10)).toBe(1);
    expect(queries).not.toHaveBeenCalled();

    // A burst of writes: reads meanwhile get the kept count, and the counts are refreshed within
    // about a second, once per kept count (the total and the paragraphs'), not once per write.
    for (let n = 0; n < 50; n += 1) markCommentCountsStale(db, essay.id);
    expect(await visibleCommentCount(db, essay.id, null, start + 20)).toBe(1);
    // The two counts refresh independently: wait until both have.
    await vi.waitFor(
      async () => {
        expect(await visibleCommentCount(db, essay.id, null, start + 30)).toBe(2);
        expect(await paragraphCommentCounts(db, essay.id, start + 30)).toEqual({ p1: 2 });
      },
      // "About a second" on a quiet machine; the budget is for a busy one.
      { timeout: 30_000 },
    );
    const refreshes = queries.mock.calls.length;
    queries.mockRestore();
    expect(refreshes).toBe(2);
  });

  it("waits for an exact count when the kept one is older than ten seconds", async () => {
    const essay = await createCommentEssay(db);
    const author = await createTestUser(db);
    const start = Date.now();
    expect(await visibleCommentCount(db, essay.id, null, start)).toBe(0);
    await seedComment(db, { essayId: essay.id, authorId: author.id });
    expect(await visibleCommentCount(db, essay.id, null, start + 5_000)).toBe(0);
    expect(await visibleCommentCount(db, essay.id, null, start + 11_000)).toBe(1);
  });

  it("shares the first query among concurrent readers", async () => {
    const essay = await createCommentEssay(db);
    const queries = vi.spyOn(db, "$queryRaw");
    const counts = await Promise.all(Array.from({ length: 20 }, () => visibleCommentCount(db, essay.id, null)));
    expect(counts).toEqual(Array(20).fill(0));
    expect(queries).toHaveBeenCalledTimes(1);
    queries.mockRestore();
  });
});
