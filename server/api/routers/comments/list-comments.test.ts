/**
 * comments.list, comments.replies and paragraphCounts through the caller: keyset paging in each
 * order (every comment exactly once across pages), tombstones, first replies, counts, the viewer
 * fields and the author's badges.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { seedContent } from "@/server/essay/seed.ts";
import { seedPolls } from "@/server/polls/seed.ts";
import { forgetCommentCounts } from "@/server/comments/counts.ts";
import { commentRow, createCommentEssay, seedComment } from "@/server/comments/testing/comment-fixture.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { createTestDatabase } from "@/server/test/database.ts";
import { refusal } from "@/server/test/refusal.ts";
import type { CommentSort } from "./schemas.ts";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDatabase());
  await seedContent(db);
  await seedPolls(db);
});
afterAll(async () => {
  await close();
});

const callerFor = (user: SessionUser | null) => createTestCaller({ db, user });
const minute = 60_000;
const base = new Date("2026-10-01T00:00:00Z").getTime();

/** Every page of a sort, following nextCursor. */
async function allPages(slug: string, sort: CommentSort, limit: number, paragraphKey?: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await callerFor(null).comments.list({ slug, sort, limit, paragraphKey, cursor });
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== null && pages < 100);
  return { ids, pages };
}

describe("comments.list paging", () => {
  it("returns every top-level comment exactly once, in order, for each sort, across pages", async () => {
    const essay = await createCommentEssay(db);
    const author = await createTestUser(db);
    // 47 comments: scores and times repeat, so ties are broken by id across page boundaries.
    const rows = Array.from({ length: 47 }, (_, i) =>
      commentRow({ essayId: essay.id, authorId: author.id, score: [0, 3, 3, 20][i % 4]!, createdAt: new Date(base + Math.floor(i / 3) * minute) }),
    );
    await db.comment.createMany({ data: rows });
    forgetCommentCounts(db, essay.id);

    const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const expected: Record<CommentSort, string[]> = {
      top: [...rows].sort((a, b) => b.rank - a.rank || byId(b.id, a.id)).map((r) => r.id),
      newest: [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || byId(b.id, a.id)).map((r) => r.id),
      oldest: [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || byId(a.id, b.id)).map((r) => r.id),
    };
    for (const sort of ["top", "newest", "oldest"] as const) {
      const { ids, pages } = await allPages(essay.slug, sort, 10);
      expect(ids, sort).toEqual(expected[sort]);
      expect(pages).toBe(5);
    }
    const first = await callerFor(null).comments.list({ slug: essay.slug });
    expect(first.items).toHaveLength(20);
    expect(first.totalCount).toBe(47);
  });

  it("keeps its place when comments are added before the cursor (no duplicates on the next page)", async () => {
    const essay = await createCommentEssay(db);
    const author = await createTestUser(db);
    const rows = Array.from({ length: 6 }, (_, i) => commentRow({ essayId: essay.id, authorId: author.id, createdAt: new Date(base + i * minute) }));
    await db.comment.createMany({ data: rows });
    const page1 = await callerFor(null).comments.list({ slug: essay.slug, sort: "newest", limit: 3 });
    await seedComment(db, { essayId: essay.id, authorId: author.id, createdAt: new Date(base + 60 * minute) });
    const page2 = await callerFor(null).comments.list({ slug: essay.slug, sort: "newest", limit: 3, cursor: page1.nextCursor });
    expect([...page1.items, ...page2.items].map((c) => c.id)).toEqual(rows.map((r) => r.id).reverse());
  });

  it("refuses a cursor it did not hand out, or one from another sort", async () => {
    const essay = await createCommentEssay(db);
    const author = await createTestUser(db);
    await db.comment.createMany({ data: [0, 1].map((i) => commentRow({ essayId: essay.id, authorId: author.id, createdAt: new Date(base + i) })) });
    const { nextCursor } = await callerFor(null).comments.list({ slug: essay.slug, sort: "newest", limit: 1 });
    for (const run of [
      () => callerFor(null).comments.list({ slug: essay.slug, sort: "top", cursor: nextCursor }),
      () => callerFor(null).comments.list({ slug: essay.slug, cursor: "bm90IGpzb24" }),
      () => callerFor(null).comments.list({ slug: essay.slug, cursor: Buffer.from('{"o":"top","k":"x","i":"a"}').toString("base64url") }),
    ]) {
      expect(await refusal(run)).toMatchObject({ code: "BAD_REQUEST", message: "翻页位置无效，请从第一页重新加载。" });
    }
  });

  it("answers NOT_FOUND for an unknown essay", async () => {
    expect((await refusal(() => callerFor(null).comments.list({ slug: "no-such-essay" }))).code).toBe("NOT_FOUND");
  });
});

describe("comments.list content", () => {
  it("shows tombstones only while they hold replies, and counts what a reader sees", async () => {
    const essay = await createCommentEssay(db);
    const author = await createTestUser(db);
    const at = (i: number) => new Date(base + i * minute);
    const visible = await seedComment(db, { essayId: essay.id, authorId: author.id, createdAt: at(0) });
    const tomb = await seedComment(db, { essayId: essay.id, authorId: author.id, status: "DELETED", replyCount: 1, createdAt: at(1) });
    await seedComment(db, { essayId: essay.id, authorId: author.id, parent: tomb, createdAt: at(2) });
    await seedComment(db, { essayId: essay.id, authorId: author.id, status: "REMOVED", createdAt: at(3) });
    await seedComment(db, { essayId: essay.id, authorId: author.id, parent: tomb, status: "DELETED", createdAt: at(4) });

    const page = await callerFor(author).comments.list({ slug: essay.slug, sort: "oldest" });
    expect(page.items.map((c) => [c.id, c.status])).toEqual([
      [visible.id, "visible"],
      [tomb.id, "deleted"],
    ]);
    expect(page.items[1]).toMatchObject({ bodyHtml: null, author: null, replyCount: 1, viewer: { isAuthor: false, canEdit: false, canDelete: false } });
    expect(page.items[1]!.replies).toHaveLength(1);
    expect(page.totalCount).toBe(3);
  });

  it("carries the first three replies of each comment, oldest first, with the reader's upvotes", async () => {
    const essay = await createCommentEssay(db);
    const [author, reader] = await Promise.all([createTestUser(db), createTestUser(db)]);
    const top = await seedComment(db, { essayId: essay.id, authorId: author.id, replyCount: 5, createdAt: new Date(base) });
    const lonely = await seedComment(db, { essayId: essay.id, authorId: author.id, createdAt: new Date(base + 1) });
    const replies = Array.from({ length: 5 }, (_, i) => commentRow({ essayId: essay.id, authorId: author.id, parent: top, createdAt: new Date(base + (10 + i) * minute) }));
    await db.comment.createMany({ data: replies });
    await db.commentVote.createMany({ data: [{ commentId: replies[1]!.id, userId: reader.id }, { commentId: top.id, userId: reader.id }] });

    const page = await callerFor(reader).comments.list({ slug: essay.slug, sort: "oldest" });
    expect(page.items.map((c) => c.id)).toEqual([top.id, lonely.id]);
    expect(page.items[0]!.viewer).toEqual({ upvoted: true, isAuthor: false, canEdit: false, canDelete: false });
    expect(page.items[0]!.replies.map((r) => [r.id, r.depth, r.viewer?.upvoted])).toEqual([
      [replies[0]!.id, 1, false],
      [replies[1]!.id, 1, true],
      [replies[2]!.id, 1, false],
    ]);
    expect(page.items[1]!.replies).toEqual([]);

    // The rest by cursor, oldest first.
    const more = await callerFor(null).comments.replies({ parentId: top.id, limit: 2 });
    const rest = await callerFor(null).comments.replies({ parentId: top.id, limit: 2, cursor: more.nextCursor });
    const last = await callerFor(null).comments.replies({ parentId: top.id, limit: 2, cursor: rest.nextCursor });
    expect([...more.items, ...rest.items, ...last.items].map((r) => r.id)).toEqual(replies.map((r) => r.id));
    expect(last.nextCursor).toBeNull();
    expect(more.items[0]!.viewer).toBeNull();
  });

  it("fills the viewer fields: author, moderator, signed out", async () => {
    const essay = await createCommentEssay(db);
    const [author, moderator] = await Promise.all([createTestUser(db), createTestUser(db, { role: "MODERATOR" })]);
    await seedComment(db, { essayId: essay.id, authorId: author.id });
    const viewerOf = async (user: SessionUser | null) => (await callerFor(user).comments.list({ slug: essay.slug })).items[0]!.viewer;
    expect(await viewerOf(author)).toEqual({ upvoted: false, isAuthor: true, canEdit: true, canDelete: true });
    expect(await viewerOf(moderator)).toEqual({ upvoted: false, isAuthor: false, canEdit: false, canDelete: true });
    expect(await viewerOf(null)).toBeNull();
  });

  it("filters by paragraph and counts each paragraph's threads, replies included", async () => {
    const essay = await createCommentEssay(db);
    const author = await createTestUser(db);
    const onP1 = await seedComment(db, { essayId: essay.id, authorId: author.id, paragraphKey: "p1", replyCount: 1 });
    await seedComment(db, { essayId: essay.id, authorId: author.id, parent: onP1 });
    const onN1 = await seedComment(db, { essayId: essay.id, authorId: author.id, paragraphKey: "n1" });
    await seedComment(db, { essayId: essay.id, authorId: author.id, paragraphKey: "n1", status: "DELETED" });
    await seedComment(db, { essayId: essay.id, authorId: author.id });

    const p1 = await callerFor(null).comments.list({ slug: essay.slug, paragraphKey: "p1" });
    expect(p1.items.map((c) => c.id)).toEqual([onP1.id]);
    expect(p1.totalCount).toBe(2);
    expect((await callerFor(null).comments.list({ slug: essay.slug, paragraphKey: "n1" })).items.map((c) => c.id)).toEqual([onN1.id]);
    expect(await callerFor(null).comments.paragraphCounts({ slug: essay.slug })).toEqual({ p1: 2, n1: 1 });
    expect((await callerFor(null).comments.list({ slug: essay.slug })).totalCount).toBe(4);
  });

  it("shows a poll badge only for authors who chose to show their answer to the main poll", async () => {
    const [shows, hides, neverVoted] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db, { role: "ADMIN" })]);
    await db.user.updateMany({ where: { id: { in: [shows.id, neverVoted.id] } }, data: { showPollBadge: true } });
    const poll = await db.poll.findFirstOrThrow({ where: { key: "left-web3" }, select: { id: true, essayId: true, options: { orderBy: { position: "asc" }, select: { id: true } } } });
    for (const user of [shows, hides]) await callerFor(user).polls.vote({ pollId: poll.id, optionIds: [poll.options[1]!.id] });
    const created = [];
    for (const user of [shows, hides, neverVoted]) created.push(await seedComment(db, { essayId: poll.essayId, authorId: user.id }));

    const { items } = await callerFor(null).comments.list({ sort: "newest", limit: 3 });
    const authors = new Map(items.map((c) => [c.id, c.author]));
    expect(authors.get(created[0]!.id)).toMatchObject({
      isModerator: false,
      pollBadge: { optionKey: "faded-out", label: { zh: "淡圈了，只把币圈当理财", en: "Faded out: crypto is just an investment now" } },
    });
    expect(authors.get(created[1]!.id)?.pollBadge).toBeNull();
    expect(authors.get(created[2]!.id)).toMatchObject({ isModerator: true, pollBadge: null });
  });
});
