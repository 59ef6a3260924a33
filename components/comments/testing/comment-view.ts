/** A comment as the server sends it, for the comment section's unit tests: top-level, visible, no votes, no replies. */
import type { CommentView } from "@/server/api/routers/comments/schemas.ts";

export function commentView(id: string, fields: Partial<CommentView> = {}): CommentView {
  return {
    id,
    parentId: null,
    rootId: id,
    depth: 0,
    paragraph: null,
    status: "visible",
    bodyHtml: `<p>${id}</p>`,
    author: { id: "u1", name: "甲", isModerator: false, pollBadge: null },
    score: 0,
    replyCount: 0,
    createdAt: new Date("2026-11-25T10:00:00Z"),
    editedAt: null,
    viewer: null,
    ...fields,
  };
}
