"use client";
/**
 * The comment section under the essay: count, sort (kept in ?sort=), the composer (or a sign-in
 * prompt that keeps the draft), the list 20 top-level comments at a time, live updates, and a
 * #comment-<id> link shown in context.
 *
 * It starts from the server-rendered first page (public data, viewer null) and refetches at once
 * with the reader's own viewer state. New top-level comments by others wait behind a sticky
 * "N 条新评论" button, so the text never moves under the reader.
 */
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import type { CommentSort, CommentsPage } from "@/server/api/routers/comments/schemas.ts";
import { commentAnchorId } from "./comment-frame.tsx";
import { CommentList } from "./comment-list.tsx";
import { CommentThreadView } from "./comment-thread-view.tsx";
import { useComments } from "./comments-context.tsx";
import { CommentsListSkeleton } from "./comments-skeleton.tsx";
import { pendingFor } from "./comments-state.ts";
import { NewCommentComposer } from "./new-comment-composer.tsx";
import { NewCommentsButton } from "./new-comments-button.tsx";
import { defaultSort, sortFromSearch, urlWithSort } from "./sort.ts";
import { SortTabs } from "./sort-tabs.tsx";

const pageSize = 20;

export interface CommentsSectionProps {
  /** The server-rendered first page (top sort, whole essay), to start from; null to fetch. */
  initialPage: CommentsPage | null;
  /** A #comment-<id> to show in context. */
  focusId: string | null;
  /** Only the comments about this paragraph; new comments from the composer are about it too. */
  paragraphKey?: string;
}

export function CommentsSection({ initialPage, focusId, paragraphKey }: CommentsSectionProps) {
  const t = useTranslations("comments");
  const trpc = useTRPC();
  const { slug, state } = useComments();
  const [sort, setSort] = useState<CommentSort>(() => sortFromSearch(window.location.search));
  const listTop = useRef<HTMLDivElement>(null);

  const list = useInfiniteQuery(
    trpc.comments.list.infiniteQueryOptions(
      { slug, sort, limit: pageSize, ...(paragraphKey ? { paragraphKey } : {}) },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        // The server-rendered page is public (no viewer state) and may be a little old: show it,
        // and refetch at once for this reader.
        ...(initialPage && sort === defaultSort && !paragraphKey ? { initialData: { pages: [initialPage], pageParams: [null] }, initialDataUpdatedAt: 0 } : {}),
      },
    ),
  );

  // A #comment-<id> link: scroll to it when it is on the loaded page, else show it in context.
  const [focus, setFocus] = useState<{ id: string; inList: boolean | null } | null>(() => (focusId ? { id: focusId, inList: null } : null));
  useEffect(() => {
    if (focusId) setFocus((current) => (current?.id === focusId ? current : { id: focusId, inList: null }));
  }, [focusId]);
  // Decided on this reader's own fetch, not on the server-rendered page it replaces (which may
  // be older and hold a comment the fresh page no longer has).
  const settled = list.isFetchedAfterMount && !list.isFetching;
  useEffect(() => {
    if (!focus || focus.inList !== null || !settled) return;
    const element = document.getElementById(commentAnchorId(focus.id));
    if (element) element.scrollIntoView({ block: "center" });
    setFocus({ id: focus.id, inList: element !== null });
  }, [focus, settled]);
  const threadId = focus?.inList === false ? focus.id : null;

  function changeSort(next: CommentSort) {
    if (next === sort) return;
    setSort(next);
    window.history.replaceState(window.history.state, "", urlWithSort(window.location.href, next));
  }

  const firstPage = list.data?.pages[0];
  const total = firstPage ? Math.max(0, firstPage.totalCount + state.countDelta) : null;
  const shownAbove = new Set(state.topAdded.map((comment) => comment.id));
  const fetched = list.data?.pages.flatMap((page) => page.items) ?? [];
  const items = fetched.filter((item) => !shownAbove.has(item.id) && item.id !== threadId);
  const pending = pendingFor(state, paragraphKey, new Set(fetched.map((item) => item.id))).length;

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-3">
        <h2 id="comments-title" className="text-xl font-bold tracking-tight text-fg" data-testid="comments-heading">
          {total === null ? t("title") : t("heading", { count: total })}
        </h2>
        <SortTabs value={sort} onChange={changeSort} />
      </div>

      <div className="mt-5">
        <NewCommentComposer label={t("composer.label")} paragraphKey={paragraphKey} />
      </div>

      {threadId ? (
        <FocusedThread
          commentId={threadId}
          onShowAll={() => {
            setFocus(null);
            listTop.current?.scrollIntoView({ block: "start" });
          }}
        />
      ) : null}

      <div ref={listTop} className="relative mt-8 scroll-mt-24">
        <NewCommentsButton count={pending} paragraphKey={paragraphKey} listTop={listTop} />

        <CommentList list={list} comments={[...state.topAdded, ...items]} empty={t("empty")} />
      </div>
    </>
  );
}

/**
 * A #comment-<id> link: when the comment is not among the loaded ones, fetch it in context and
 * show it above the list, scrolled into view and highlighted.
 */
function FocusedThread({ commentId, onShowAll }: { commentId: string; onShowAll: () => void }) {
  const t = useTranslations("comments.focus");
  const trpc = useTRPC();
  const thread = useQuery(trpc.comments.thread.queryOptions({ commentId }));
  const scrolled = useRef(false);

  useEffect(() => {
    if (!thread.data || scrolled.current) return;
    scrolled.current = true;
    // After the frame that lays the thread out.
    requestAnimationFrame(() => document.getElementById(commentAnchorId(commentId))?.scrollIntoView({ block: "center" }));
  }, [thread.data, commentId]);

  return (
    <div className="mt-8 rounded-2xl border border-accent/30 bg-surface p-4 sm:p-5" data-testid="focused-thread">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="font-medium text-fg">{t("viewing")}</p>
        <button type="button" onClick={onShowAll} className="rounded font-medium text-accent hover:underline" data-testid="focused-thread-show-all">
          {t("showAll")}
        </button>
      </div>
      {thread.isPending ? (
        <CommentsListSkeleton rows={1} />
      ) : thread.isError ? (
        <p className="text-sm text-muted">{thread.error.data?.httpStatus === 404 ? t("notFound") : thread.error.message}</p>
      ) : (
        <CommentThreadView thread={thread.data} />
      )}
    </div>
  );
}
