"use client";
/**
 * The paged list of threads both comment sections show (the whole essay's, comments-section.tsx,
 * and one paragraph's, paragraph/paragraph-discussion.tsx): skeleton while the first page loads,
 * an error with a retry, the empty note, the threads, and "load more" with its own retry.
 */
import { useTranslations } from "next-intl";
import { Button, StatusMessage } from "@/components/ui";
import { CommentTree, type TreeComment } from "./comment-tree.tsx";
import { CommentsListSkeleton } from "./comments-skeleton.tsx";

/** What the list needs of the section's comments.list infinite query. */
export interface CommentListQuery {
  isPending: boolean;
  isError: boolean;
  data: unknown;
  error: { message: string } | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => Promise<unknown>;
  fetchNextPage: () => Promise<unknown>;
}

export function CommentList({ list, comments, empty }: { list: CommentListQuery; comments: TreeComment[]; empty: string }) {
  const t = useTranslations("comments");
  const failure = list.error?.message || t("loadFailed");

  return (
    <>
      {list.isPending ? (
        <CommentsListSkeleton label={t("loadingLabel")} />
      ) : list.isError && !list.data ? (
        <div className="flex flex-wrap items-center gap-3" data-testid="comments-error">
          <StatusMessage tone="error">{failure}</StatusMessage>
          <Button variant="secondary" size="sm" onClick={() => void list.refetch()}>
            {t("retry")}
          </Button>
        </div>
      ) : comments.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line px-5 py-8 text-center text-[0.9375rem] text-muted" data-testid="comments-empty">
          {empty}
        </p>
      ) : (
        <ol className="flex flex-col gap-7" data-testid="comments-list">
          {comments.map((comment) => (
            <li key={comment.id}>
              <CommentTree comment={comment} />
            </li>
          ))}
        </ol>
      )}

      {list.hasNextPage ? (
        <div className="mt-8 flex justify-center">
          <Button variant="secondary" pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} data-testid="comments-load-more">
            {list.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
          </Button>
        </div>
      ) : null}
      {/* A later page failed: the loaded threads stay, the retry asks for that page again. */}
      {list.isError && list.data ? (
        <div className="mt-4 flex flex-wrap items-center justify-center gap-3">
          <StatusMessage tone="error">{failure}</StatusMessage>
          <Button variant="secondary" size="sm" onClick={() => void list.fetchNextPage()}>
            {t("retry")}
          </Button>
        </div>
      ) : null}
    </>
  );
}
