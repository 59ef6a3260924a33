"use client";
/**
 * What every comment of a section (or of the permalink page) shares: the essay, who is reading,
 * the changes since the pages were fetched (comments-state.ts), the highlighted comment, and the
 * labels of the comment frame. Wrap a CommentThreadView or a CommentItem in <CommentsProvider>.
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { createContext, useContext, useEffect, useMemo, useReducer, type Dispatch, type ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import type { CommentView } from "@/server/api/routers/comments/schemas.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { commentFrameLabels, type CommentFrameLabels } from "./comment-frame.tsx";
import { commentsReducer, initialCommentsState, type CommentsAction, type CommentsState } from "./comments-state.ts";

export interface Reader {
  id: string;
  role: "USER" | "MODERATOR" | "ADMIN";
}

export interface CommentsContextValue {
  slug: string;
  locale: AppLocale;
  /** undefined while asking the server; null when signed out. */
  reader: Reader | null | undefined;
  state: CommentsState;
  dispatch: Dispatch<CommentsAction>;
  /** The comment to highlight (a #comment-<id> link). */
  highlightId: string | null;
  labels: CommentFrameLabels;
  /** Where sign-in should bring the reader back to, with a fragment (e.g. "#comments"). */
  signInHref: (fragment: string) => string;
}

const CommentsContext = createContext<CommentsContextValue | null>(null);

export function CommentsProvider({
  slug,
  locale,
  highlightId = null,
  essayHref,
  children,
}: {
  slug: string;
  locale: AppLocale;
  highlightId?: string | null;
  /** The essay's page, when the comments are shown on another one (paragraph quotes link there). */
  essayHref?: string;
  children: ReactNode;
}) {
  const trpc = useTRPC();
  const t = useTranslations("comments.item");
  const me = useQuery(trpc.me.get.queryOptions());
  const [state, dispatch] = useReducer(commentsReducer, initialCommentsState);
  const readerId = me.data?.id;
  const readerRole = me.data?.role;
  const reader = useMemo<Reader | null | undefined>(
    () => (me.isPending ? undefined : readerId && readerRole ? { id: readerId, role: readerRole } : null),
    [me.isPending, readerId, readerRole],
  );
  useOwnModeration(slug, Boolean(readerId), dispatch);
  const labels = useMemo<CommentFrameLabels>(() => commentFrameLabels(t, essayHref), [t, essayHref]);
  const value = useMemo<CommentsContextValue>(
    () => ({ slug, locale, reader, state, dispatch, highlightId, labels, signInHref }),
    [slug, locale, reader, state, highlightId, labels],
  );
  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}

/**
 * For a signed-in reader: their own held and removed comments (shown to them, marked, so nothing
 * is hidden from its author) and the comments they reported (the control shows "reported").
 */
function useOwnModeration(slug: string, signedIn: boolean, dispatch: Dispatch<CommentsAction>) {
  const trpc = useTRPC();
  const mine = useQuery({ ...trpc.comments.mine.queryOptions({ slug }), enabled: signedIn });
  const reports = useQuery({ ...trpc.comments.myReports.queryOptions({ slug }), enabled: signedIn });
  useEffect(() => {
    if (mine.data) dispatch({ type: "own-moderated", comments: mine.data.items });
  }, [mine.data, dispatch]);
  useEffect(() => {
    if (reports.data) dispatch({ type: "reported", commentIds: reports.data.commentIds });
  }, [reports.data, dispatch]);
}

export function useComments(): CommentsContextValue {
  const value = useContext(CommentsContext);
  if (!value) throw new Error("useComments outside <CommentsProvider>");
  return value;
}

/** The sign-in page, returning to this page (query kept) at `fragment`. */
function signInHref(fragment: string): string {
  const back = `${window.location.pathname}${window.location.search}${fragment}`;
  return `/signin?callbackUrl=${encodeURIComponent(back)}`;
}

/**
 * What the reader may do with a comment. Views from the live stream carry no viewer (they are the
 * same for everyone): derive it from who is reading, as the server would.
 */
export function viewerOf(comment: CommentView, reader: Reader | null | undefined): NonNullable<CommentView["viewer"]> | null {
  if (comment.viewer) return comment.viewer;
  if (!reader) return null;
  const isAuthor = comment.author?.id === reader.id;
  const isModerator = reader.role === "MODERATOR" || reader.role === "ADMIN";
  return { upvoted: false, isAuthor, canEdit: isAuthor && comment.status === "visible", canDelete: comment.status === "visible" && (isAuthor || isModerator) };
}
