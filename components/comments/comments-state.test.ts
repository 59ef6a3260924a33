import { describe, expect, it } from "vitest";
import { commentAsShown, commentsReducer, initialCommentsState, mergeReplies, pendingFor, type CommentsAction, type CommentsState } from "./comments-state.ts";
import { commentView as view } from "./testing/comment-view.ts";

const run = (...actions: CommentsAction[]): CommentsState => actions.reduce(commentsReducer, initialCommentsState);

describe("new comments", () => {
  it("keeps others' new top-level comments behind the button until revealed", () => {
    const state = run({ type: "event", event: { type: "created", comment: view("a") } });
    expect(state.topPending.map((c) => c.id)).toEqual(["a"]);
    expect(state.topAdded).toEqual([]);
    expect(state.countDelta).toBe(1);
    const revealed = commentsReducer(state, { type: "reveal" });
    expect(revealed.topAdded.map((c) => c.id)).toEqual(["a"]);
    expect(revealed.topPending).toEqual([]);
  });

  it("in the paragraph view, counts and reveals only the new comments about that paragraph", () => {
    const about = (key: string) => ({ key, quote: `段落 ${key}` });
    const state = run(
      { type: "event", event: { type: "created", comment: view("a", { paragraph: about("p1") }) } },
      { type: "event", event: { type: "created", comment: view("b", { paragraph: about("p2") }) } },
      { type: "event", event: { type: "created", comment: view("c") } },
      { type: "event", event: { type: "created", comment: view("d", { paragraph: about("p1") }) } },
    );
    expect(pendingFor(state, "p1", new Set()).map((c) => c.id)).toEqual(["d", "a"]);
    expect(pendingFor(state, undefined, new Set()).map((c) => c.id)).toEqual(["d", "c", "b", "a"]);
    // A comment the view's fresh page already lists does not wait behind the button too.
    expect(pendingFor(state, "p1", new Set(["a"])).map((c) => c.id)).toEqual(["d"]);

    const revealed = commentsReducer(state, { type: "reveal", paragraphKey: "p1" });
    expect(revealed.topAdded.map((c) => c.id)).toEqual(["d", "a"]);
    // The others still wait for the whole section.
    expect(revealed.topPending.map((c) => c.id)).toEqual(["c", "b"]);
    expect(commentsReducer(revealed, { type: "reveal", paragraphKey: "p1" })).toBe(revealed);
  });

  it("shows the reader's own comment at once, and only once when its event follows", () => {
    const own = view("mine", { viewer: { upvoted: false, isAuthor: true, canEdit: true, canDelete: true } });
    const state = run({ type: "own-created", comment: own }, { type: "event", event: { type: "created", comment: view("mine") } });
    expect(state.topAdded.map((c) => c.id)).toEqual(["mine"]);
    expect(state.topPending).toEqual([]);
    expect(state.countDelta).toBe(1);
    expect(state.topAdded[0]!.viewer?.isAuthor).toBe(true);
  });

  it("brings the reader's own comment out from behind the button when its event came first", () => {
    const state = run({ type: "event", event: { type: "created", comment: view("mine") } }, { type: "own-created", comment: view("mine") });
    expect(state.topAdded.map((c) => c.id)).toEqual(["mine"]);
    expect(state.topPending).toEqual([]);
    expect(state.countDelta).toBe(1);
  });

  it("puts a reply in place under its parent and counts it", () => {
    const parent = view("p", { replyCount: 2 });
    const state = run({ type: "event", event: { type: "created", comment: view("r", { parentId: "p", depth: 1, rootId: "p" }) } });
    expect(state.topPending).toEqual([]);
    expect(state.addedReplies.get("p")?.map((c) => c.id)).toEqual(["r"]);
    expect(commentAsShown(state, parent)?.replyCount).toBe(3);
  });
});

describe("changes in place", () => {
  it("applies every score of a scores event, each to its own comment, keeping their other changes", () => {
    const edited = view("a", { bodyHtml: "<p>new</p>" });
    const state = run(
      { type: "event", event: { type: "edited", comment: edited } },
      { type: "event", event: { type: "scores", scores: [{ commentId: "a", score: 3 }, { commentId: "b", score: 12 }] } },
      { type: "event", event: { type: "scores", scores: [{ commentId: "b", score: 13 }] } },
    );
    expect(commentAsShown(state, view("a"))).toMatchObject({ score: 3, bodyHtml: "<p>new</p>" });
    expect(commentAsShown(state, view("b"))?.score).toBe(13);
    expect(commentAsShown(state, view("c", { score: 5 }))?.score).toBe(5);
  });

  it("applies scores, edits and tombstones to a fetched comment", () => {
    const comment = view("c", { viewer: { upvoted: true, isAuthor: false, canEdit: false, canDelete: false } });
    const state = run(
      { type: "event", event: { type: "scores", scores: [{ commentId: "c", score: 7 }] } },
      { type: "event", event: { type: "edited", comment: view("c", { bodyHtml: "<p>new</p>", editedAt: new Date() }) } },
    );
    const shown = commentAsShown(state, comment)!;
    expect(shown.score).toBe(7);
    expect(shown.bodyHtml).toBe("<p>new</p>");
    expect(shown.editedAt).not.toBeNull();
    expect(shown.viewer?.upvoted).toBe(true);

    const tombstone = commentAsShown(commentsReducer(state, { type: "event", event: { type: "deleted", commentId: "c", outcome: "tombstone" } }), comment)!;
    expect(tombstone.status).toBe("deleted");
    expect(tombstone.bodyHtml).toBeNull();
    expect(tombstone.author).toBeNull();
  });

  it("removes a comment deleted without replies, counting it once", () => {
    const state = run(
      { type: "own-deleted", commentId: "c", outcome: "gone" },
      { type: "event", event: { type: "deleted", commentId: "c", outcome: "gone" } },
    );
    expect(commentAsShown(state, view("c"))).toBeNull();
    expect(state.countDelta).toBe(-1);
  });

  it("records the reader's vote with the server's score", () => {
    const viewer = { upvoted: true, isAuthor: false, canEdit: false, canDelete: false };
    const shown = commentAsShown(run({ type: "voted", commentId: "c", score: 3, viewer }), view("c"))!;
    expect(shown.score).toBe(3);
    expect(shown.viewer).toEqual(viewer);
  });

  it("returns the same object when nothing changed", () => {
    const comment = view("c");
    expect(commentAsShown(initialCommentsState, comment)).toBe(comment);
  });
});

describe("mergeReplies", () => {
  it("appends added replies that were not loaded yet", () => {
    expect(mergeReplies([view("a"), view("b")], [view("b"), view("c")]).map((c) => c.id)).toEqual(["a", "b", "c"]);
    expect(mergeReplies([view("a")], undefined).map((c) => c.id)).toEqual(["a"]);
  });
});

describe("the reader's own moderated comments and reports", () => {
  const ownViewer = { upvoted: false, isAuthor: true, canEdit: false, canDelete: false };
  const held = (id: string, fields: Partial<ReturnType<typeof view>> = {}) =>
    view(id, { viewer: ownViewer, moderation: { state: "held", reason: "premoderation", note: null }, ...fields });

  it("shows a held comment to its author above the list (or under its parent), uncounted, once", () => {
    const state = run(
      { type: "own-moderated", comments: [held("h"), held("r", { parentId: "p", rootId: "p", depth: 1 })] },
      { type: "own-moderated", comments: [held("h")] },
    );
    expect(state.topAdded.map((c) => c.id)).toEqual(["h"]);
    expect(state.addedReplies.get("p")?.map((c) => c.id)).toEqual(["r"]);
    expect(state.countDelta).toBe(0);
    expect(state.replyDelta.size).toBe(0);
  });

  it("places the reader's new held comment without counting it", () => {
    const state = run({ type: "own-created", comment: held("h") });
    expect(state.topAdded.map((c) => c.id)).toEqual(["h"]);
    expect(state.countDelta).toBe(0);
    expect(commentAsShown(state, state.topAdded[0]!)?.moderation?.state).toBe("held");
  });

  it("shows a removed comment's text and reason to its author where a page has its tombstone", () => {
    const removed = view("x", { status: "removed", viewer: ownViewer, moderation: { state: "removed", reason: "spam", note: "广告" } });
    const state = run({ type: "own-moderated", comments: [removed] });
    const shown = commentAsShown(state, view("x", { status: "removed", bodyHtml: null, author: null }))!;
    expect(shown.bodyHtml).toBe("<p>x</p>");
    expect(shown.moderation).toEqual({ state: "removed", reason: "spam", note: "广告" });
  });

  it("keeps an edit held for review on its author's screen when the thread's deletion event comes before or after", () => {
    const edited = held("c", { editedAt: new Date("2026-11-25T11:00:00Z") });
    for (const actions of [
      [{ type: "own-edited", comment: edited }, { type: "event", event: { type: "deleted", commentId: "c", outcome: "gone" } }],
      [{ type: "event", event: { type: "deleted", commentId: "c", outcome: "gone" } }, { type: "own-edited", comment: edited }],
    ] satisfies CommentsAction[][]) {
      const shown = commentAsShown(run(...actions), view("c"));
      expect(shown?.moderation?.state).toBe("held");
    }
  });

  it("drops the mark once the held comment is approved and announced to everyone", () => {
    const state = run({ type: "own-moderated", comments: [held("h")] }, { type: "event", event: { type: "created", comment: view("h") } });
    expect(commentAsShown(state, state.topAdded[0]!)?.moderation).toBeUndefined();
    expect(state.topPending).toEqual([]);
  });

  it("remembers reported comments, returning the same state when nothing is new", () => {
    const state = run({ type: "reported", commentIds: ["a", "b"] });
    expect([...state.reported]).toEqual(["a", "b"]);
    expect(commentsReducer(state, { type: "reported", commentIds: ["a"] })).toBe(state);
  });
});
