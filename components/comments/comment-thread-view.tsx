"use client";
/**
 * A comment in context (comments.thread): the chain of comments it answers, root first, then the
 * comment itself, highlighted, with its replies. Used at the top of the essay's section for a
 * #comment-<id> link that is not on the loaded page, and by the permalink page (/c/<id>).
 * Needs a <CommentsProvider> above it (highlightId marks the comment).
 */
import type { CommentThread } from "@/server/api/routers/comments/schemas.ts";
import { CommentItem } from "./comment-item.tsx";
import { CommentTree } from "./comment-tree.tsx";

export function CommentThreadView({ thread }: { thread: CommentThread }) {
  return (
    <div data-testid="comment-thread" data-comment-id={thread.comment.id}>
      {thread.ancestors.length > 0 ? (
        <ol className="mb-2 flex flex-col gap-3" data-testid="comment-ancestors">
          {thread.ancestors.map((ancestor) => (
            <li key={ancestor.id} className="relative">
              <CommentItem comment={ancestor} canReplyHere={false} />
              <span aria-hidden="true" className="absolute top-10 bottom-[-0.75rem] left-[0.9375rem] w-px bg-line sm:top-11 sm:left-[1.0625rem]" />
            </li>
          ))}
        </ol>
      ) : null}
      <CommentTree comment={{ ...thread.comment, replies: thread.replies.items }} />
    </div>
  );
}
