/**
 * The first page of comments as server-rendered HTML: part of the cached essay page, readable
 * before (and without) JavaScript, and the same look as the interactive section that replaces it
 * (shared frame, sort control, composer-shaped placeholder), so nothing jumps when it does.
 * Public data: no viewer, absolute dates (the page is cached; "3 分钟前" would go stale).
 */
import { getFormatter, getTranslations } from "next-intl/server";
import type { CommentsPage, CommentView } from "@/server/api/routers/comments/schemas.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { CommentFrame, UpvoteIcon, commentFrameLabels } from "./comment-frame.tsx";
import { CommentsListSkeleton } from "./comments-skeleton.tsx";
import { SortTabsLook } from "./sort-tabs-look.tsx";

/**
 * Draws comments as static frames in `locale`: absolute dates, the score without a vote button, and
 * one level of replies. Also the first paint of a permalink (permalink-static.tsx), whose quotes
 * link into `essayHref` and whose comment is `highlighted`.
 */
export async function staticCommentFrame(locale: AppLocale, essayHref?: string) {
  const t = await getTranslations({ locale, namespace: "comments.item" });
  const format = await getFormatter({ locale });
  const labels = commentFrameLabels(t, essayHref);
  const frame = (comment: CommentView, replies: CommentView[] = [], highlighted = false) => (
    <CommentFrame
      comment={comment}
      locale={locale}
      labels={labels}
      highlighted={highlighted}
      time={
        <time dateTime={comment.createdAt.toISOString()}>
          {format.dateTime(comment.createdAt, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })}
        </time>
      }
      edited={comment.editedAt && comment.status === "visible" ? <span className="text-xs text-subtle">{t("edited")}</span> : null}
      actions={
        comment.status === "visible" ? (
          <p className="mt-1 flex h-8 items-center gap-1.5 text-[0.8125rem] text-muted">
            <UpvoteIcon />
            <span className="tabular-nums">{comment.score}</span>
          </p>
        ) : null
      }
    >
      {replies.length > 0 ? (
        <ol className="mt-2 flex flex-col gap-4 border-l border-line pt-2 pl-5 sm:ml-[1.0625rem] sm:pl-6">
          {replies.map((reply) => (
            <li key={reply.id}>{frame(reply)}</li>
          ))}
        </ol>
      ) : null}
    </CommentFrame>
  );
  return frame;
}

export async function CommentsStatic({ page, locale }: { page: CommentsPage | null; locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "comments" });
  const frame = await staticCommentFrame(locale);

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-3">
        <h2 id="comments-title" className="text-xl font-bold tracking-tight text-fg" data-testid="comments-heading">
          {page ? t("heading", { count: page.totalCount }) : t("title")}
        </h2>
        <SortTabsLook value="top" label={t("sort.label")} names={(sort) => t(`sort.${sort}`)} disabled />
      </div>
      {/* The composer's place, at its height: it appears here when the section loads. */}
      <div aria-hidden="true" className="mt-5 h-[10.5rem] rounded-xl border border-line bg-surface" />
      <div className="mt-8">
        {page === null ? (
          <CommentsListSkeleton label={t("loadingLabel")} />
        ) : page.items.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-line px-5 py-8 text-center text-[0.9375rem] text-muted">{t("empty")}</p>
        ) : (
          <ol className="flex flex-col gap-7" data-testid="comments-static-list">
            {page.items.map((comment) => (
              <li key={comment.id}>{frame(comment, comment.replies)}</li>
            ))}
          </ol>
        )}
      </div>
    </>
  );
}
