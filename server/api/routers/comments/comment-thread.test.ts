/** comments.thread: a deep comment in context (permalinks and "continue this thread"). */
import { describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client.ts";
import { createCommentEssay, seedComment } from "@/server/comments/testing/comment-fixture.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { refusal } from "@/server/test/refusal.ts";

let db: Db;
useTestDatabase({ setup: async (opened) => void (db = opened) });

describe("comments.thread", () => {
  it("returns the essay, the ancestors root first (tombstones included), the comment and its replies", async () => {
    const essay = await createCommentEssay(db);
    const [a, b] = await Promise.all([createTestUser(db), createTestUser(db, { role: "MODERATOR" })]);
    const chain = [await seedComment(db, { essayId: essay.id, authorId: a.id, replyCount: 1, paragraphKey: "p1" })];
    for (let depth = 1; depth <= 8; depth++) {
      const status = depth === 3 ? ("DELETED" as const) : ("VISIBLE" as const);
      chain.push(await seedComment(db, { essayId: essay.id, authorId: depth % 2 ? b.id : a.id, parent: chain.at(-1)!, replyCount: depth < 8 ? 1 : 0, status }));
    }
    const target = chain[7]!;

    const thread = await createTestCaller({ db, user: a }).comments.thread({ commentId: target.id });
    expect(thread.essay).toEqual({ slug: essay.slug, title: (await db.essay.findUniqueOrThrow({ where: { id: essay.id } })).title });
    expect(thread.ancestors.map((c) => [c.id, c.depth, c.status])).toEqual(chain.slice(0, 7).map((c, depth) => [c.id, depth, depth === 3 ? "deleted" : "visible"]));
    expect(thread.ancestors[0]!.paragraph?.key).toBe("p1");
    expect(thread.comment).toMatchObject({ id: target.id, depth: 7, rootId: chain[0]!.id, author: { id: b.id, isModerator: true } });
    expect(thread.replies.items.map((c) => c.id)).toEqual([chain[8]!.id]);
    expect(thread.replies.nextCursor).toBeNull();
    expect(thread.comment.viewer).toMatchObject({ isAuthor: false, canDelete: false });
  });

  it("answers NOT_FOUND for a missing comment and a gone one", async () => {
    const essay = await createCommentEssay(db);
    const a = await createTestUser(db);
    const gone = await seedComment(db, { essayId: essay.id, authorId: a.id, status: "REMOVED" });
    for (const commentId of ["missing", gone.id]) {
      expect(await refusal(() => createTestCaller({ db }).comments.thread({ commentId }))).toMatchObject({ code: "NOT_FOUND", message: "找不到这条评论，它可能已被删除。" });
    }
  });
});
