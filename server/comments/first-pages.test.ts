/**
 * The kept first pages (first-pages.ts) through comments.list: a signed-in reader gets exactly
 * what the uncached read gives them (their upvotes and authorship), and a new comment or edit is
 * in the very next first page for every reader, a vote once its (coalesced) score event is out.
 */
import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { getLiveBus } from "@/server/live/process-bus.ts";
import { flushScoreEvents } from "@/server/live/score-events.ts";
import { commentsChannel } from "@/server/live/channels.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { createCommentEssay, seedComment } from "./testing/comment-fixture.ts";
import { firstCommentPage, forgetFirstCommentPages } from "./first-pages.ts";
import { topLevelPage } from "./pages.ts";

let db: Db;
useTestDatabase({ setup: async (opened) => void (db = opened) });

const callerFor = (user: SessionUser | null) => createTestCaller({ db, user });

describe("kept first pages of comments", () => {
  it("give a signed-in reader the same page as the uncached read: own upvotes, own comments, a moderator's rights", async () => {
    const essay = await createCommentEssay(db);
    const [alice, bob, carol] = [await createTestUser(db), await createTestUser(db), await createTestUser(db)];
    const moderator = await createTestUser(db, { role: "MODERATOR" });
    const byAlice = await callerFor(alice).comments.create({ slug: essay.slug, body: "Alice's comment" });
    const byBob = await callerFor(bob).comments.create({ slug: essay.slug, body: "Bob's comment" });
    await callerFor(carol).comments.create({ slug: essay.slug, body: "Carol's reply", parentId: byAlice.id });
    await callerFor(alice).comments.vote({ commentId: byBob.id, upvoted: true });
    await flushScoreEvents(); // a vote's event (which clears kept pages) is published within 250 ms

    const params = { essayId: essay.id, paragraphKey: null, order: "newest" as const, limit: 20 };
    // Warm the kept page as a signed-out reader, then read it as each signed-in one.
    await firstCommentPage(db, params, null);
    for (const user of [alice, bob, carol, moderator]) {
      const reader = { id: user.id, role: user.role };
      const kept = await firstCommentPage(db, params, reader);
      const uncached = await topLevelPage(db, { ...params, cursor: null }, reader);
      expect(kept).toEqual(uncached);
    }
    const forAlice = await firstCommentPage(db, params, { id: alice.id, role: alice.role });
    const bobsComment = forAlice.items.find((item) => item.id === byBob.id)!;
    expect(bobsComment.viewer).toEqual({ upvoted: true, isAuthor: false, canEdit: false, canDelete: false });
    expect(forAlice.items.find((item) => item.id === byAlice.id)!.viewer).toMatchObject({ isAuthor: true, canEdit: true });
    // Signed out: no viewer state at all.
    expect((await firstCommentPage(db, params, null)).items.every((item) => item.viewer === null)).toBe(true);
  });

  it("show a new comment, an edit and a vote in the very next first page", async () => {
    const essay = await createCommentEssay(db);
    const [alice, bob] = [await createTestUser(db), await createTestUser(db)];
    const list = (user: SessionUser | null) => callerFor(user).comments.list({ slug: essay.slug, sort: "newest", limit: 20 });
    expect((await list(null)).items).toHaveLength(0);
    expect((await list(alice)).items).toHaveLength(0);

    const created = await callerFor(alice).comments.create({ slug: essay.slug, body: "first" });
    expect((await list(null)).items.map((item) => item.id)).toEqual([created.id]);
    expect((await list(bob)).items.map((item) => item.id)).toEqual([created.id]);

    await callerFor(alice).comments.edit({ commentId: created.id, body: "first, edited" });
    expect((await list(bob)).items[0]!.bodyHtml).toContain("first, edited");

    await callerFor(bob).comments.vote({ commentId: created.id, upvoted: true });
    // The voter's own flag is read per reader at once; the score with the vote's event (score-events.ts).
    expect((await list(bob)).items[0]!.viewer?.upvoted).toBe(true);
    await flushScoreEvents();
    const forBob = (await list(bob)).items[0]!;
    expect(forBob.score).toBe(1);
    expect(forBob.viewer?.upvoted).toBe(true);
    expect((await list(null)).items[0]!.score).toBe(1);
  });

  it("do not serve a page loaded around a comments event after it", async () => {
    const essay = await createCommentEssay(db);
    const author = await createTestUser(db);
    const params = { essayId: essay.id, paragraphKey: null, order: "newest" as const, limit: 20 };
    // The load reads the empty essay; while it runs, a comment is written and its event published.
    const loading = firstCommentPage(db, params, null);
    await seedComment(db, { essayId: essay.id, authorId: author.id });
    await getLiveBus().publish(db, commentsChannel(essay.id), { type: "comment-created" });
    await loading;
    expect((await firstCommentPage(db, params, null)).items).toHaveLength(1);
  });

  it("can be forgotten by tests that write rows without an event", async () => {
    const essay = await createCommentEssay(db);
    const author = await createTestUser(db);
    const params = { essayId: essay.id, paragraphKey: null, order: "top" as const, limit: 20 };
    expect((await firstCommentPage(db, params, null)).items).toHaveLength(0);
    await seedComment(db, { essayId: essay.id, authorId: author.id });
    forgetFirstCommentPages();
    expect((await firstCommentPage(db, params, null)).items).toHaveLength(1);
  });
});
