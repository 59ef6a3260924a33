import { describe, expect, it } from "vitest";
import { parseCommentEvent } from "./comment-event.ts";

const comment = {
  id: "c1",
  parentId: null,
  rootId: "c1",
  depth: 0,
  paragraph: null,
  status: "visible",
  bodyHtml: "<p>hi</p>",
  author: { id: "u1", name: null, isModerator: false, pollBadge: null },
  score: 0,
  replyCount: 0,
  createdAt: "2026-11-25T10:00:00.000Z",
  editedAt: null,
  viewer: null,
};

describe("parseCommentEvent", () => {
  it("reads a created event whose dates came through JSON", () => {
    const event = parseCommentEvent({ type: "created", comment });
    expect(event?.type).toBe("created");
    expect(event?.type === "created" && event.comment.createdAt).toEqual(new Date("2026-11-25T10:00:00.000Z"));
  });

  it("unwraps a tracked { id, data } message", () => {
    const scores = { type: "scores", scores: [{ commentId: "c1", score: 3 }, { commentId: "c2", score: 0 }] };
    expect(parseCommentEvent({ id: "42", data: scores })).toEqual(scores);
  });

  it("keeps the thread's paragraph of a created or deleted event, for the margin count", () => {
    const created = parseCommentEvent({ type: "created", comment, paragraphKey: "p1" });
    expect(created?.type === "created" && created.paragraphKey).toBe("p1");
    expect(parseCommentEvent({ type: "deleted", commentId: "c1", outcome: "gone", paragraphKey: "p1" })).toEqual({ type: "deleted", commentId: "c1", outcome: "gone", paragraphKey: "p1" });
    expect(parseCommentEvent({ type: "deleted", commentId: "c1", outcome: "gone", paragraphKey: "<b>" })).toEqual({ type: "deleted", commentId: "c1", outcome: "gone" });
  });

  it("ignores what it does not understand", () => {
    expect(parseCommentEvent({ type: "exploded" })).toBeNull();
    expect(parseCommentEvent(null)).toBeNull();
    expect(parseCommentEvent({ type: "created", comment: { id: 1 } })).toBeNull();
    expect(parseCommentEvent({ type: "created", comment: { ...comment, createdAt: "not a date" } })).toBeNull();
    expect(parseCommentEvent({ type: "deleted", commentId: "c1", outcome: "vanished" })).toBeNull();
    // A scores event with one malformed entry is dropped whole, like any event that does not look right.
    expect(parseCommentEvent({ type: "scores", scores: [{ commentId: "c1", score: 3 }, { commentId: "c2", score: "4" }] })).toBeNull();
    expect(parseCommentEvent({ type: "scores", scores: [] })).toBeNull();
    expect(parseCommentEvent({ type: "score", commentId: "c1", score: 3 })).toBeNull();
  });
});
