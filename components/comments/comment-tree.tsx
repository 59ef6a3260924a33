"use client";
/**
 * A comment with its replies, indented up to six levels below where the tree starts; deeper
 * replies sit behind "继续这个讨论 →" on the comment's own page (/c/<id>). The first replies come
 * with the comment; the rest load on demand (comments.replies, by cursor). A thread collapses and
 * expands with a button (aria-expanded).
 */
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Spinner, cx } from "@/components/ui";
import type { CommentView, CommentWithReplies } from "@/server/api/routers/comments/schemas.ts";
import { CommentItem } from "./comment-item.tsx";
import { commentAsShown, mergeReplies } from "./comments-state.ts";
import { useComments } from "./comments-context.tsx";

/** Levels of indentation before a thread continues on its own page (issue 4). */
export const maxIndentLevel = 6;

export type TreeComment = CommentView & { replies?: CommentView[] };

export function CommentTree({ comment, level = 0 }: { comment: TreeComment; level?: number }) {
  const t = useTranslations("comments.item");
  const { state } = useComments();
  const shown = commentAsShown(state, comment);
  if (!shown) return null;
  const canIndent = level < maxIndentLevel;
  return (
    <CommentItem comment={comment} canReplyHere={canIndent}>
      {shown.replyCount > 0 || state.addedReplies.has(comment.id) ? (
        canIndent ? (
          <Replies parent={shown} initial={comment.replies ?? []} level={level} />
        ) : (
          <a href={`/c/${comment.id}`} className="mt-1 ml-11 inline-flex text-sm font-medium text-accent hover:underline sm:ml-12" data-testid="continue-thread">
            {t("continueThread")}
          </a>
        )
      ) : null}
    </CommentItem>
  );
}

function Replies({ parent, initial, level }: { parent: CommentView; initial: CommentView[]; level: number }) {
  const t = useTranslations("comments.item");
  const trpc = useTRPC();
  const { state } = useComments();
  const regionId = useId();
  const [collapsed, setCollapsed] = useState(false);
  const [wantMore, setWantMore] = useState(false);
  const more = useInfiniteQuery({
    ...trpc.comments.replies.infiniteQueryOptions({ parentId: parent.id, limit: 20 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    enabled: wantMore,
  });

  const loaded: TreeComment[] = mergeReplies<TreeComment>(initial, more.data?.pages.flatMap((page) => page.items));
  const replies = mergeReplies<TreeComment>(loaded, state.addedReplies.get(parent.id));
  const hiddenCount = Math.max(0, parent.replyCount - replies.length);
  const canLoadMore = more.data ? more.hasNextPage : hiddenCount > 0;

  return (
    <div className="relative mt-2">
      <button
        type="button"
        aria-expanded={!collapsed}
        aria-controls={regionId}
        aria-label={`${collapsed ? t("expand") : t("collapse")} · ${t("replyCount", { count: parent.replyCount })}`}
        onClick={() => setCollapsed((value) => !value)}
        data-testid="thread-toggle"
        className="group/rail absolute top-0 bottom-0 left-0 flex w-4 justify-center rounded sm:left-[0.5625rem] sm:w-5"
      >
        <span aria-hidden="true" className="h-full w-px bg-line transition-colors group-hover/rail:w-0.5 group-hover/rail:bg-accent/60" />
      </button>
      <div id={regionId} className="pl-5 sm:pl-11">
        {collapsed ? (
          <button type="button" onClick={() => setCollapsed(false)} className="py-1 text-sm text-muted hover:text-fg" aria-hidden="true" tabIndex={-1}>
            {t("collapsed", { count: parent.replyCount })}
          </button>
        ) : (
          <>
            <ol className="flex flex-col gap-4 pt-2">
              {replies.map((reply) => (
                <li key={reply.id}>
                  <CommentTree comment={reply} level={level + 1} />
                </li>
              ))}
            </ol>
            {canLoadMore ? (
              <button
                type="button"
                disabled={more.isFetching}
                onClick={() => (wantMore ? void more.fetchNextPage() : setWantMore(true))}
                className={cx("mt-2 inline-flex items-center gap-2 rounded-full px-2 py-1 text-sm font-medium text-accent hover:bg-accent-soft", "disabled:opacity-70")}
                data-testid="more-replies"
              >
                {more.isFetching ? <Spinner className="size-3.5" /> : null}
                {more.isFetching ? t("loadingReplies") : t("moreReplies", { count: hiddenCount || parent.replyCount })}
              </button>
            ) : null}
            {more.isError ? <p className="mt-1 text-sm text-danger">{more.error.message}</p> : null}
          </>
        )}
      </div>
    </div>
  );
}
