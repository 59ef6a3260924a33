import { describe, expect, it } from "vitest";
import type { CommentEvent } from "@/server/api/routers/comments/schemas.ts";
import { commentView as view } from "../testing/comment-view.ts";
import { emptyMarginTally, marginCounts, tallyCreated, tallyEvent, type MarginTally } from "./margin-counts.ts";

const aboutP1 = (id: string) => view(id, { paragraph: { key: "p1", quote: "第一段" } });
const replyInP1 = (id: string, parentId: string): CommentEvent => ({ type: "created", comment: view(id, { parentId, rootId: parentId, depth: 1 }), paragraphKey: "p1" });
const gone = (commentId: string, paragraphKey?: string): CommentEvent => ({ type: "deleted", commentId, outcome: "gone", ...(paragraphKey ? { paragraphKey } : {}) });

function replay(events: CommentEvent[], tally: MarginTally = emptyMarginTally): MarginTally {
  return events.reduce(tallyEvent, tally);
}

describe("the margin's live paragraph counts", () => {
  it("adds others' new comments and replies in a paragraph's threads", () => {
    const tally = replay([{ type: "created", comment: aboutP1("c1") }, replyInP1("r1", "c9")]);
    expect(marginCounts({ p1: 2, p2: 1 }, tally)).toEqual({ p1: 4, p2: 1 });
  });

  it("counts a comment the reader posted once, whether the post or its event comes first", () => {
    const ownFirst = tallyEvent(tallyCreated(emptyMarginTally, "c1", "p1"), { type: "created", comment: aboutP1("c1") });
    const eventFirst = tallyCreated(tallyEvent(emptyMarginTally, { type: "created", comment: aboutP1("c1") }), "c1", "p1");
    expect(marginCounts({}, ownFirst)).toEqual({ p1: 1 });
    expect(marginCounts({}, eventFirst)).toEqual({ p1: 1 });
  });

  it("does not count an event twice when the stream resends it after a reconnect", () => {
    const events = [{ type: "created", comment: aboutP1("c1") } as CommentEvent, gone("c7", "p1")];
    const tally = replay(events, replay(events));
    expect(marginCounts({ p1: 3 }, tally)).toEqual({ p1: 3 });
  });

  it("takes away comments that are gone, not tombstones that still hold replies", () => {
    const tally = replay([gone("c5", "p1"), { type: "deleted", commentId: "c6", outcome: "tombstone", paragraphKey: "p1" }]);
    expect(marginCounts({ p1: 3 }, tally)).toEqual({ p1: 2 });
  });

  it("nets out a comment that came and went while the page was open", () => {
    const tally = replay([replyInP1("r1", "c1"), gone("r1", "p1")]);
    expect(marginCounts({ p1: 1 }, tally)).toEqual({ p1: 1 });
  });

  it("never shows a count below zero", () => {
    const tally = replay([gone("c1", "p1"), gone("c2", "p1"), gone("c3", "p2")]);
    expect(marginCounts({ p1: 1 }, tally)).toEqual({ p1: 0, p2: 0 });
  });

  it("ignores what concerns no paragraph: essay-wide comments, edits, scores", () => {
    const tally = replay([
      { type: "created", comment: view("c1") },
      gone("c2"),
      { type: "edited", comment: aboutP1("c3") },
      { type: "scores", scores: [{ commentId: "c3", score: 4 }] },
    ]);
    expect(tally).toBe(emptyMarginTally);
  });
});
