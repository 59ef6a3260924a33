import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { UserFacingError } from "@/server/api/errors.ts";
import { seedContent } from "@/server/essay/seed.ts";
import { createTestCaller } from "@/server/test/caller.ts";
import { createTestDatabase, useTestDatabase } from "@/server/test/database.ts";

const slug = "first-00s-web3-workers-leaving";
const database = useTestDatabase({ setup: seedContent });
const db = () => database().db;

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

describe("essay.get", () => {
  it("returns the default essay without a slug, to a signed-out reader", async () => {
    const essay = await createTestCaller({ db: db() }).essay.get();
    expect(essay).toMatchObject({
      slug,
      title: "第一批00后Web3打工人已经开始“退圈”了",
      author: "Golem",
      publisher: "Odaily 星球日报",
      label: "原创",
      readingMinutes: 8,
    });
    expect(essay.publishedAt).toEqual(new Date("2025-08-22T00:00:00Z"));
    expect(essay.blocks.filter((b) => b.type === "heading").map((b) => b.text)).toEqual([
      "Web 3 已不再是我心中的白月光",
      "第一批 00 后 Web 3 打工人已经开始退/淡圈了",
      "看山不是山,看水不是水",
    ]);
    expect(essay.relatedReadings).toHaveLength(3);
  });

  it("returns the same essay by slug, and nothing beyond the view (no source, hash or row id)", async () => {
    const bySlug = await createTestCaller({ db: db() }).essay.get({ slug });
    expect(bySlug).toEqual(await createTestCaller({ db: db() }).essay.get());
    expect(Object.keys(bySlug).sort()).toEqual(
      [
        "author",
        "authorHandle",
        "blocks",
        "label",
        "language",
        "publishedAt",
        "publisher",
        "publisherHandle",
        "readingMinutes",
        "relatedReadings",
        "slug",
        "title",
        "updatedAt",
      ].sort(),
    );
  });

  it("answers NOT_FOUND with the essayNotFound message for an unknown slug", async () => {
    const error = await rejection(createTestCaller({ db: db(), locale: "en" }).essay.get({ slug: "no-such-essay" }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.cause).toBeInstanceOf(UserFacingError);
    expect((error.cause as UserFacingError).key).toBe("essayNotFound");
  });

  it.each([
    ["a path", "../etc/passwd"],
    ["upper case", "First-Essay"],
    ["Chinese", "退圈"],
    ["an empty slug", ""],
    ["a slug over 200 characters", "a".repeat(201)],
    ["a number", 42],
  ])("refuses %s as a slug with BAD_REQUEST", async (_name, bad) => {
    const caller = createTestCaller({ db: db() });
    const error = await rejection(caller.essay.get({ slug: bad as string }));
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("refuses unknown input fields", async () => {
    const caller = createTestCaller({ db: db() });
    const error = await rejection(caller.essay.get({ slug, include: "source" } as { slug: string }));
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("answers NOT_FOUND when no essay has been seeded", async () => {
    const empty = await createTestDatabase();
    try {
      const error = await rejection(createTestCaller({ db: empty.db }).essay.get());
      expect(error.code).toBe("NOT_FOUND");
    } finally {
      await empty.close();
    }
  });
});

describe("essay.list", () => {
  it("lists slug, title and date of every essay", async () => {
    expect(await createTestCaller({ db: db() }).essay.list()).toEqual([
      { slug, title: "第一批00后Web3打工人已经开始“退圈”了", publishedAt: new Date("2025-08-22T00:00:00Z") },
    ]);
  });
});
